package org.schooltrust.smp.permission;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.schooltrust.smp.staff.StaffInputs.AdultInput;

/** Express permissions' request bodies (docs/architecture.md: DTOs). */
public final class PermissionInputs {

    private PermissionInputs() {}

    @Schema(name = "PermissionInput", description = "The Head's express permission (clause 6.5).")
    public record PermissionInput(
            @NotNull
            @Pattern(regexp = AdultInput.HR_ID_PATTERN, message = "must be 1-64 letters, digits, '.', '_' or '-'")
            @Schema(required = true, pattern = AdultInput.HR_ID_PATTERN, description = "An adult of the school.")
            String staffHrId,

            @NotBlank
            @Size(max = 500)
            @Schema(
                    required = true,
                    maxLength = 500,
                    examples = "Class parents' group on the school's approved account",
                    description = "What the adult may discuss with parents over social media.")
            String purpose,

            @NotBlank @Size(max = 200) @Schema(required = true, maxLength = 200, examples = "Facebook: @stjames.year4")
            String channel,

            @NotNull @Schema(required = true) LocalDate validFrom,

            @NotNull @Schema(required = true, description = "Last valid day (inclusive).")
            LocalDate validTo) {}
}
