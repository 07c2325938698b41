package org.schooltrust.smp.concern;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.schooltrust.smp.common.validation.EnumValue;
import org.schooltrust.smp.socialaccount.Platform;
import org.schooltrust.smp.staff.StaffInputs.AdultInput;

/** The concern feature's request bodies (docs/architecture.md: DTOs). */
public final class ConcernInputs {

    private ConcernInputs() {}

    @Schema(name = "ConcernInput", description = "A concern raised with the Head of School (clauses 6.24, 7, 9, 10.6).")
    public record ConcernInput(
            @NotNull
            @Pattern(regexp = "\\d{6}", message = "must be a 6-digit URN")
            @Schema(required = true, pattern = "^\\d{6}$", description = "A school the caller works at.")
            String schoolUrn,

            @NotNull
            @EnumValue(of = ConcernCategory.class)
            @Schema(required = true, implementation = ConcernCategory.class)
            String category,

            @NotNull
            @PastOrPresent
            @Schema(required = true, description = "When it happened (clause 9.2: time and date).")
            Instant occurredAt,

            @EnumValue(of = Platform.class) @Schema(ref = "#/components/schemas/Platform")
            String platform,

            @Size(max = 2000) @Schema(maxLength = 2000, description = "The location (URL) of the site (clause 9.2).")
            String locationUrl,

            @NotBlank @Size(max = 10000) @Schema(required = true, maxLength = 10000, description = "What happened.")
            String description,

            @Size(max = 64) @Schema(maxLength = 64, description = "The pupil it concerns, by MIS id.")
            String aboutPupilMisId,

            @Pattern(regexp = AdultInput.HR_ID_PATTERN, message = "must be 1-64 letters, digits, '.', '_' or '-'")
            @Schema(
                    pattern = AdultInput.HR_ID_PATTERN,
                    description =
                            "The adult it concerns, by HR id: only the Heads and DSLs of the schools they work at handle it, and they never see it.")
            String aboutStaffHrId,

            @Schema(description = "The school social account it concerns.")
            UUID aboutSocialAccountId) {}

    @Schema(name = "ConcernNoteInput", description = "A note on the handling timeline; never shown to the reporter.")
    public record NoteInput(
            @NotBlank @Size(max = 10000) @Schema(required = true, maxLength = 10000)
            String text) {}

    @Schema(name = "ConcernActionInput", description = "Something done about the concern.")
    public record ActionInput(
            @NotNull @EnumValue(of = ConcernAction.class) @Schema(required = true, implementation = ConcernAction.class)
            String action,

            @Size(max = 10000) @Schema(maxLength = 10000) String text) {}

    @Schema(name = "ConcernCloseInput", description = "How the concern ends.")
    public record CloseInput(
            @NotNull
            @EnumValue(of = ConcernOutcome.class)
            @Schema(required = true, implementation = ConcernOutcome.class)
            String outcome,

            @Size(max = 10000) @Schema(maxLength = 10000) String text) {}
}
