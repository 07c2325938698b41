package org.schooltrust.smp.common.error;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The SCIM protocol adapter's errors (issue 29, ADR 0025): a provisioning client (Entra ID, Okta) reads RFC 7644's
 * error body, not problem+json, so every error under {@link #PATH} — whichever layer refuses the request — is written in
 * that form: {@code schemas}, {@code status} as a string, {@code scimType} and {@code detail}. SCIM has no 422: what the
 * house answers 422 is 400 {@code invalidValue} here.
 */
public final class ScimDialect {

    /** The path every SCIM operation lives under. */
    public static final String PATH = "/scim/v2";

    public static final String MEDIA_TYPE = "application/scim+json";

    public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private static final Map<String, String> SCIM_TYPES = Map.of(
            "malformed-request", "invalidSyntax",
            "unacceptable-value", "invalidValue",
            "validation-failed", "invalidValue",
            "conflict", "uniqueness",
            "duplicate", "uniqueness");

    private ScimDialect() {}

    /** Whether the request path is the SCIM adapter's. */
    public static boolean covers(String path) {
        if (path == null) {
            return false;
        }
        String p = path.startsWith("/") ? path : "/" + path;
        return p.equals(PATH) || p.startsWith(PATH + "/");
    }

    /** The status SCIM answers for the house's: 422 becomes 400. */
    public static int status(int status) {
        return status == 422 ? 400 : status;
    }

    /** The SCIM error body for a problem. */
    public static Map<String, Object> body(Problem problem) {
        return body(status(problem.status()), scimType(problem), detail(problem));
    }

    /** A SCIM error body. */
    public static Map<String, Object> body(int status, String scimType, String detail) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("schemas", List.of(ERROR_SCHEMA));
        body.put("status", Integer.toString(status));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        if (detail != null) {
            body.put("detail", detail);
        }
        return body;
    }

    private static String scimType(Problem problem) {
        String slug = problem.type().substring(problem.type().lastIndexOf('/') + 1);
        return SCIM_TYPES.get(slug);
    }

    private static String detail(Problem problem) {
        if (problem.errors() == null || problem.errors().isEmpty()) {
            return problem.detail();
        }
        String fields = problem.errors().stream()
                .map(e -> e.field() + " " + e.message())
                .collect(Collectors.joining("; "));
        return problem.detail() == null ? fields : problem.detail() + " " + fields;
    }
}
