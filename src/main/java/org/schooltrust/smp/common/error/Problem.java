package org.schooltrust.smp.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem document: the body of every 4xx and 5xx answer. */
@Schema(
        name = "Problem",
        description = "RFC 9457 problem details. `type` is a stable URI per kind of error; clients branch on it, never"
                + " on `title` or `detail`.")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(
                description = "Stable URI naming the kind of error.",
                examples = "https://smp.schooltrust.example/problems/validation-failed",
                required = true)
        String type,

        @Schema(description = "Short summary of the kind of error.", required = true)
        String title,

        @Schema(description = "HTTP status code.", required = true)
        int status,

        @Schema(description = "What went wrong with this request, in English.")
        String detail,

        @Schema(description = "The request path.") String instance,

        @Schema(description = "Id of the request (also in the `X-Request-Id` response header and the server log).")
        String requestId,

        @Schema(description = "Invalid fields, for `validation-failed` and `malformed-request`.")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
