package org.schooltrust.smp.staff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.schooltrust.smp.common.validation.EnumValue;
import org.schooltrust.smp.common.validation.NotDotSegment;

/** The staff feature's request bodies, one nested record each (docs/architecture.md: DTOs). */
public final class StaffInputs {

    private StaffInputs() {}

    @Schema(
            name = "AdultInput",
            description =
                    "An adult's full record as HR (or a Head, for volunteers and governors) holds it; PUT and sync replace the stored record with it.")
    public record AdultInput(
            @NotDotSegment
            @Pattern(regexp = AdultInput.HR_ID_PATTERN, message = "must be 1-64 letters, digits, '.', '_' or '-'")
            @Schema(
                    description = "HR id. Required in a bulk sync; in a PUT it may be omitted or must equal the path.",
                    pattern = AdultInput.HR_ID_PATTERN,
                    examples = "E1001")
            String hrId,

            @NotBlank @Size(max = 100) @Schema(required = true, maxLength = 100)
            String firstName,

            @NotBlank @Size(max = 100) @Schema(required = true, maxLength = 100)
            String lastName,

            @NotBlank
            @Email
            @Size(max = 254)
            @Schema(required = true, maxLength = 254, examples = "a.teacher@stjames.example")
            String workEmail,

            @NotNull @EnumValue(of = AdultCategory.class) @Schema(required = true, implementation = AdultCategory.class)
            String category,

            @NotNull @Schema(required = true, description = "False for a leaver.")
            Boolean active,

            @NotNull @Size(max = 50) @Schema(required = true, maxItems = 50)
            List<@NotNull @Valid AssignmentInput> assignments) {

        /** {@link #HR_ID_PATTERN}, compiled once (cursor keys). */
        public static final java.util.regex.Pattern HR_ID = java.util.regex.Pattern.compile(AdultInput.HR_ID_PATTERN);

        public static final String HR_ID_PATTERN = "^[A-Za-z0-9._-]{1,64}$";

        AdultDetails toDetails() {
            return new AdultDetails(
                    firstName,
                    lastName,
                    workEmail,
                    AdultCategory.valueOf(category),
                    active,
                    assignments.stream().map(AssignmentInput::toAssignment).toList());
        }
    }

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
            LocalDate endDate,

            @Size(max = 2)
            @Schema(
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    implementation = Responsibility.class,
                    maxItems = 2,
                    description =
                            "What the adult is at this school beyond the job title: HEAD_OF_SCHOOL receives the school's reminder escalations and review digests; DSL is the designated safeguarding lead. Absent or empty for most adults. Set only by `hr-sync`: they decide who is told of safeguarding concerns, so a manual record (trust-admin, a Head) that sets them is refused with 422.")
            List<@NotNull @EnumValue(of = Responsibility.class) String> responsibilities) {

        Assignment toAssignment() {
            java.util.Set<Responsibility> held = java.util.EnumSet.noneOf(Responsibility.class);
            if (responsibilities != null) {
                responsibilities.forEach(r -> held.add(Responsibility.valueOf(r)));
            }
            return new Assignment(
                    schoolUrn,
                    jobTitle == null || jobTitle.isBlank() ? null : jobTitle.strip(),
                    startDate,
                    endDate,
                    held);
        }
    }

    @Schema(name = "StaffSyncRequest", description = "A batch of up to 10,000 adults from HR.")
    public record SyncRequest(
            @Schema(required = true, maxItems = StaffWriter.MAX_RECORDS)
            List<AdultInput> records) {}
}
