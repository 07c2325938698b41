package org.schooltrust.smp.staff;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "AssignmentInput",
        description = "The adult works at a school from `startDate` to `endDate` (inclusive).")
public record AssignmentInput(
        @NotNull
        @Pattern(regexp = "\\d{6}", message = "must be a 6-digit URN")
        @Schema(required = true, pattern = "^\\d{6}$", examples = "100001")
        String schoolUrn,

        @Size(max = 200) @Schema(maxLength = 200, examples = "Class teacher")
        String jobTitle,

        @NotNull @Schema(required = true, examples = "2024-09-01")
        LocalDate startDate,

        @Schema(description = "Last day; absent while the assignment is open.", examples = "2026-08-31")
        LocalDate endDate) {

    Assignment toAssignment() {
        return new Assignment(
                schoolUrn, jobTitle == null || jobTitle.isBlank() ? null : jobTitle.strip(), startDate, endDate);
    }
}
