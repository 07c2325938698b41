package org.schooltrust.smp.scim;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The SCIM request bodies as the contract describes them; the adapter reads them as JSON trees (quirks and all). */
public final class ScimInputs {

    private ScimInputs() {}

    @Schema(
            name = "ScimPatchOperation",
            description = "`op` is `add`, `replace` or `remove` in any case. Without `path`, `value` is an object of"
                    + " attributes (dotted names such as `name.givenName` and schema-URN names are accepted).")
    public record OperationInput(
            @Schema(required = true, examples = "Replace") String op,
            @Schema(examples = "active") String path,

            @Schema(description = "Any JSON value; booleans may also be the strings `\"True\"`/`\"False\"`.")
            Object value) {}

    @Schema(name = "ScimPatchRequest")
    public record PatchInput(
            @Schema(examples = "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]")
            List<String> schemas,

            @JsonProperty("Operations") @Schema(required = true)
            List<OperationInput> operations) {}
}
