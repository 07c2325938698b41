package org.schooltrust.smp.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The reminder feature's response bodies (docs/architecture.md: DTOs). */
public final class ReminderViews {

    private ReminderViews() {}

    @Schema(name = "ReminderSchedule", description = "When one kind of reminder is sent (ADR 0016).")
    public record ScheduleView(
            @Schema(required = true, implementation = ReminderKind.class)
            ReminderKind kind,

            @Schema(required = true, description = "What the days count from.")
            String anchor,

            @Schema(required = true, description = "Digests go to the school's Heads, one per Head per school per run.")
            boolean digest,

            @Schema(required = true) boolean enabled,

            @Schema(required = true, description = "Days before the anchor date a reminder goes, latest first.")
            List<Integer> daysBefore,

            @Schema(required = true, description = "Whether one goes on the anchor date.")
            boolean onDueDate,

            @Schema(description = "Days after the anchor date the first later reminder goes.")
            Integer afterDays,

            @Schema(description = "Days between later reminders, while the subject stays open.")
            Integer repeatEveryDays,

            @Schema(required = true, description = "Most reminders ever sent about one subject to one recipient.")
            int maxSends,

            @Schema(description = "A reminder more than this many days past its day is not sent.")
            Integer expiresAfterDays) {

        static ScheduleView of(ReminderSchedule s) {
            return new ScheduleView(
                    s.kind(),
                    s.kind().anchor(),
                    s.kind().isDigest(),
                    s.enabled(),
                    s.daysBefore(),
                    s.onDueDate(),
                    s.afterDays(),
                    s.repeatEveryDays(),
                    s.maxSends(),
                    s.expiresAfterDays());
        }
    }

    @Schema(name = "ReminderScheduleList")
    public record ScheduleList(@Schema(required = true) List<ScheduleView> items) {}

    @Schema(name = "Closure", description = "A day or days a school (or every school) is closed.")
    public record ClosureView(
            @Schema(description = "The school; absent for a Trust-wide closure.")
            String schoolUrn,

            @Schema(required = true) LocalDate startDate,

            @Schema(required = true, description = "Last closed day (inclusive).")
            LocalDate endDate,

            @Schema(required = true) String label) {

        static ClosureView of(Closure c) {
            return new ClosureView(c.schoolUrn(), c.start(), c.end(), c.label());
        }
    }

    @Schema(
            name = "TrustCalendar",
            description = "The Trust's closures: reminders falling in one move to the next open day.")
    public record CalendarView(@Schema(required = true) List<ClosureView> closures) {}

    @Schema(name = "PlannedReminder", description = "A reminder a run sent (or, in a dry run, would send).")
    public record PlannedView(
            @Schema(required = true) ReminderKind kind,

            @Schema(required = true, description = "BEFORE_n, ON_DAY or AFTER_n.")
            String stage,

            @Schema(required = true) String schoolUrn,

            @Schema(required = true, description = "HR id of the recipient (a Head, for a digest's item).")
            String recipientHrId,

            @Schema(description = "HR id of the adult it concerns, when not the recipient.")
            String aboutHrId,

            @Schema(required = true, description = "The date its stage counts from.")
            LocalDate anchorDate,

            @Schema(required = true, description = "The day the stage fell due.")
            LocalDate stageDate) {

        static PlannedView of(Planned p) {
            Candidate c = p.candidate();
            return new PlannedView(
                    c.kind(),
                    p.stage().name(),
                    c.schoolUrn(),
                    c.recipientHrId(),
                    c.aboutHrId() == null || c.aboutId().equals(c.recipientId()) ? null : c.aboutHrId(),
                    c.anchor(),
                    p.stage().date());
        }
    }

    @Schema(name = "ReminderKindCount")
    public record KindCount(
            @Schema(required = true) ReminderKind kind,
            @Schema(required = true) int reminders,

            @Schema(required = true, description = "Messages: a digest carries many reminders.")
            int messages) {}

    @Schema(name = "ReminderRunResult", description = "What a run sent, or in a dry run would send.")
    public record RunResult(
            @Schema(required = true) boolean dryRun,

            @Schema(required = true, description = "The day the run worked for (the service clock's today, UTC).")
            LocalDate day,

            @Schema(required = true) int reminders,
            @Schema(required = true) int messages,

            @Schema(
                    required = true,
                    description = "Requirements first seen overdue (published as requirement.overdue).")
            int newlyOverdue,

            @Schema(required = true, description = "Whether mail is configured; without it only events go out.")
            boolean mail,

            @Schema(required = true) List<KindCount> byKind,

            @Schema(required = true, description = "The first 1,000 reminders, by kind, school and recipient.")
            List<PlannedView> items,

            @Schema(required = true, description = "Whether `items` stopped at 1,000.")
            boolean truncated) {}

    @Schema(
            name = "EmailOutcome",
            enumeration = {"PENDING", "SENT", "FAILED", "NOT_SENT"})
    public enum EmailStatus {
        /** Waiting to be sent (or retried). */
        PENDING,
        SENT,
        /** Given up after the maximum attempts. */
        FAILED,
        /** Mail is not configured, or the recipient left before it went. */
        NOT_SENT
    }

    @Schema(name = "MyReminder", description = "A reminder the caller was sent.")
    public record MyReminderView(
            @Schema(required = true) UUID id,
            @Schema(required = true) ReminderKind kind,

            @Schema(required = true, description = "BEFORE_n, ON_DAY, AFTER_n, or DIGEST for a Head's digest.")
            String stage,

            @Schema(required = true) String schoolUrn,
            @Schema(description = "The due date it named.") LocalDate dueDate,
            @Schema(description = "Items of a digest.") Integer count,

            @Schema(required = true, description = "When it was recorded and published as an event.")
            Instant createdAt,

            @Schema(required = true) EmailStatus email,

            @Schema(description = "When the email was accepted by the mail server.")
            Instant emailSentAt,

            @Schema(required = true) int emailAttempts) {}
}
