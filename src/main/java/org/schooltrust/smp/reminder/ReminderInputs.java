package org.schooltrust.smp.reminder;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The reminder feature's request bodies (docs/architecture.md: DTOs). */
public final class ReminderInputs {

    private ReminderInputs() {}

    @Schema(
            name = "ReminderScheduleInput",
            description = "A kind's whole schedule; PUT replaces it. Days are 1 to 366; `maxSends` 1 to 20.")
    public record ScheduleInput(
            @NotNull @Schema(required = true) Boolean enabled,

            @Size(max = 10) @Schema(maxItems = 10, description = "Distinct days before the anchor date; may be empty.")
            List<@NotNull Integer> daysBefore,

            @NotNull @Schema(required = true) Boolean onDueDate,
            @Schema(minimum = "1", maximum = "366") Integer afterDays,

            @Schema(minimum = "1", maximum = "366", description = "Needs `afterDays`.")
            Integer repeatEveryDays,

            @NotNull @Schema(required = true, minimum = "1", maximum = "20")
            Integer maxSends,

            @Schema(minimum = "1", maximum = "366") Integer expiresAfterDays) {

        ReminderSchedule toSchedule(ReminderKind kind) {
            return new ReminderSchedule(
                    kind,
                    enabled,
                    daysBefore == null ? List.of() : daysBefore,
                    onDueDate,
                    afterDays,
                    repeatEveryDays,
                    maxSends,
                    expiresAfterDays);
        }
    }

    @Schema(name = "ClosureInput")
    public record ClosureInput(
            @Pattern(regexp = "\\d{6}", message = "must be a 6-digit URN")
            @Schema(pattern = "^\\d{6}$", description = "The school; absent for a Trust-wide closure.")
            String schoolUrn,

            @NotNull @Schema(required = true, examples = "2026-12-21")
            LocalDate startDate,

            @NotNull @Schema(required = true, examples = "2027-01-01", description = "Last closed day (inclusive).")
            LocalDate endDate,

            @NotBlank @Size(max = 200) @Schema(required = true, maxLength = 200, examples = "Christmas holidays")
            String label) {

        Closure toClosure() {
            return new Closure(schoolUrn, startDate, endDate, label.strip());
        }
    }

    @Schema(name = "TrustCalendarInput", description = "Every closure of the Trust; PUT replaces the calendar.")
    public record CalendarInput(
            @NotNull
            @Size(max = TrustCalendar.MAX_CLOSURES)
            @Schema(required = true, maxItems = TrustCalendar.MAX_CLOSURES)
            List<@NotNull @Valid ClosureInput> closures) {}
}
