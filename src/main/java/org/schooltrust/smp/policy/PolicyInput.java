package org.schooltrust.smp.policy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PolicyInput")
public record PolicyInput(
        @NotNull
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be lower-case letters, digits and '-'")
        @Schema(required = true, examples = "social-media")
        String slug,

        @NotBlank @Size(max = 200) @Schema(required = true, examples = "Social Media Policy")
        String title) {}
