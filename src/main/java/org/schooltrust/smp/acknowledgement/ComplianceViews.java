package org.schooltrust.smp.acknowledgement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Compliance read models. */
public final class ComplianceViews {

    private ComplianceViews() {}

    @Schema(name = "StatusCounts")
    public record Counts(
            @Schema(required = true) long done,
            @Schema(required = true) long due,
            @Schema(required = true) long overdue,
            @Schema(required = true) long notRequired) {

        public long total() {
            return done + due + overdue + notRequired;
        }
    }

    @Schema(name = "AdultCompliance")
    public record AdultRow(
            @Schema(required = true) String hrId,
            @Schema(required = true) String firstName,
            @Schema(required = true) String lastName,
            @Schema(required = true) String category,
            @Schema(required = true) RequirementStatus status,
            LocalDate dueDate,
            Instant acknowledgedAt,

            @Schema(required = true, description = "Acknowledgement reminders sent to the adult for this school.")
            int remindersSent,

            @Schema(description = "When the last of them was sent.")
            Instant lastRemindedAt) {}

    @Schema(name = "SchoolCompliance", description = "Counts for the whole school and one page of its adults.")
    public record SchoolCompliance(
            @Schema(required = true) String policy,

            @Schema(description = "Current published version; absent when none is published.")
            String version,

            @Schema(required = true) String schoolUrn,

            @Schema(
                    required = true,
                    description = "True when the current version needs the school's local section and the school has"
                            + " not published it: the policy is not yet in force there and its adults are not asked.")
            boolean awaitingLocalSection,

            @Schema(required = true) Counts counts,
            @Schema(required = true) List<AdultRow> items,

            @Schema(description = "Cursor for the next page of `items`; absent on the last page.")
            String nextCursor) {}

    @Schema(name = "SchoolSummary")
    public record SchoolSummary(
            @Schema(required = true) String schoolUrn,
            @Schema(required = true) String schoolName,

            @Schema(
                    required = true,
                    description = "Not yet in force at the school: it awaits the school's local section.")
            boolean awaitingLocalSection,

            @Schema(required = true) Counts counts) {}

    @Schema(
            name = "TrustCompliance",
            description = "The Trust's total, and one row per school, a page of schools at a time (by URN).")
    public record TrustCompliance(
            @Schema(required = true) String policy,
            String version,

            @Schema(required = true, description = "Across every school of the Trust, whatever the page.")
            Counts total,

            @Schema(required = true) List<SchoolSummary> schools,

            @Schema(description = "Cursor of the next page of schools; absent on the last page.")
            String nextCursor) {}
}
