package org.schooltrust.smp.policy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Statement", description = "A statement an adult must accept when acknowledging a version.")
public record Statement(
        @NotNull
        @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "must be an UPPER_SNAKE code")
        @Schema(required = true, examples = "MONITORING_CONSENT")
        String code,

        @NotBlank
        @Size(max = 1000)
        @Schema(required = true, examples = "I consent to the monitoring of my use of school IT (clause 3.3).")
        String text) {}
