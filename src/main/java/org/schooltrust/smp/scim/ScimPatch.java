package org.schooltrust.smp.scim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A PATCH request's operations (RFC 7644 §3.5.2) as Entra ID and Okta send them: {@code op} in any case
 * ({@code Add}, {@code replace}, {@code Remove}), with or without a {@code path}.
 */
final class ScimPatch {

    enum Kind {
        ADD,
        REPLACE,
        REMOVE
    }

    record Operation(Kind kind, String path, JsonNode value) {}

    private ScimPatch() {}

    static List<Operation> operations(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("The body must be a SCIM PatchOp object.");
        }
        JsonNode schemas = body.get("schemas");
        if (schemas != null) {
            boolean patchOp = schemas.isArray()
                    && java.util.stream.StreamSupport.stream(schemas.spliterator(), false)
                            .anyMatch(s -> s.asText().equalsIgnoreCase(ScimAttributes.PATCH_OP));
            if (!patchOp) {
                throw ScimException.invalidSyntax("schemas must list " + ScimAttributes.PATCH_OP + ".");
            }
        }
        JsonNode operations = body.has("Operations") ? body.get("Operations") : body.get("operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimException.invalidSyntax("Operations must be a non-empty array.");
        }
        List<Operation> result = new ArrayList<>();
        for (JsonNode op : operations) {
            if (!op.isObject() || !op.path("op").isTextual()) {
                throw ScimException.invalidSyntax("Each operation must be an object with an op.");
            }
            Kind kind;
            try {
                kind = Kind.valueOf(op.get("op").asText().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ScimException.invalidSyntax("op must be add, replace or remove (any case), not "
                        + op.get("op").asText() + ".");
            }
            JsonNode path = op.get("path");
            if (path != null && !path.isNull() && !path.isTextual()) {
                throw ScimException.invalidPath("path must be a string.");
            }
            String pathText = path == null || path.isNull() || path.asText().isBlank()
                    ? null
                    : path.asText().strip();
            result.add(new Operation(kind, pathText, op.get("value")));
        }
        return result;
    }
}
