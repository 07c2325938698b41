package org.schooltrust.smp.scim;

/**
 * A request the SCIM adapter refuses, with RFC 7644's {@code scimType} ({@code invalidFilter}, {@code invalidSyntax},
 * {@code invalidPath}, {@code invalidValue}, {@code mutability}, {@code uniqueness}, {@code noTarget}). Thrown before
 * anything is written; {@link ScimErrors} answers it in SCIM's error form.
 */
final class ScimException extends RuntimeException {

    private final int status;
    private final String scimType;

    ScimException(int status, String scimType, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
    }

    static ScimException invalidValue(String detail) {
        return new ScimException(400, "invalidValue", detail);
    }

    static ScimException invalidSyntax(String detail) {
        return new ScimException(400, "invalidSyntax", detail);
    }

    static ScimException invalidPath(String detail) {
        return new ScimException(400, "invalidPath", detail);
    }

    static ScimException invalidFilter(String detail) {
        return new ScimException(400, "invalidFilter", detail);
    }

    static ScimException mutability(String detail) {
        return new ScimException(400, "mutability", detail);
    }

    int status() {
        return status;
    }

    String scimType() {
        return scimType;
    }
}
