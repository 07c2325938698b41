package org.schooltrust.smp.common.error;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FieldError", description = "One invalid field of the request.")
public record FieldError(
        @Schema(
                description =
                        "Path of the field in the request, e.g. `records[3].workEmail` or query parameter `limit`.",
                examples = "records[3].workEmail")
        String field,

        @Schema(description = "What is wrong with it, in English.", examples = "must be a well-formed email address")
        String message) {}
