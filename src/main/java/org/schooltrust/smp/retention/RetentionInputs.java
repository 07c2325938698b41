package org.schooltrust.smp.retention;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.schooltrust.smp.common.validation.EnumValue;

/** The retention feature's request bodies (docs/architecture.md: DTOs). */
public final class RetentionInputs {

    private RetentionInputs() {}

    @Schema(name = "RetentionRuleInput")
    public record RuleInput(
            @NotNull
            @Schema(required = true, description = "ISO-8601 period, positive, at most 100 years.", examples = "P6Y")
            String period,

            @Size(max = 2000)
            @Schema(
                    maxLength = 2000,
                    description = "Why: shown to the second trust-admin who must confirm a shorter period.")
            String reason) {

        public RuleInput(String period) {
            this(period, null);
        }
    }

    @Schema(name = "LegalHoldInput", description = "Nothing the hold covers is disposed of while it stands.")
    public record HoldInput(
            @NotNull @EnumValue(of = HoldTarget.class) @Schema(required = true, implementation = HoldTarget.class)
            String targetType,

            @NotBlank
            @Size(max = 128)
            @Schema(
                    required = true,
                    maxLength = 128,
                    description = "An HR id (ADULT), a URN (SCHOOL), a pupil MIS id (PUPIL) or a record's id (RECORD).")
            String targetId,

            @NotBlank
            @Size(max = 2000)
            @Schema(
                    required = true,
                    maxLength = 2000,
                    examples = "IICSA: do not destroy records relevant to child sexual abuse")
            String reason) {}
}
