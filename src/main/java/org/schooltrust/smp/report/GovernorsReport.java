package org.schooltrust.smp.report;

import java.time.LocalDate;
import java.util.List;

/**
 * What the governors' report shows (issue 27): for one school, or the Trust. Compliance figures are the compliance
 * API's own; declarations and concerns are counts only; overdue adults are named only in a school's report, to those
 * who may see that school's compliance.
 */
public record GovernorsReport(
        String trustName,
        String schoolUrn,
        String schoolName,
        String policyTitle,
        String version,
        LocalDate generatedOn,
        boolean awaitingLocalSection,
        Figures total,
        List<Row> byCategory,
        List<Row> bySchool,
        List<Overdue> overdue,
        long pendingDeclarations,
        List<Account> accounts,
        List<ConcernCount> concerns,
        List<Bar> chart) {

    /** Counts by status; {@code required} is what percentages are of. */
    public record Figures(long done, long due, long overdue, long notRequired) {

        public long required() {
            return done + due + overdue;
        }

        /** Done as a whole percentage of required (100 when nothing is required). */
        public long percentDone() {
            return required() == 0 ? 100 : Math.round(100.0 * done / required());
        }
    }

    /** One line of a table of figures: a category of adult, or a school. */
    public record Row(String label, Figures figures, String note) {}

    public record Overdue(String hrId, String name, String category, LocalDate dueDate) {}

    public record Account(String schoolUrn, String platform, String handle, String status, LocalDate reviewDue) {

        public boolean reviewOverdue(LocalDate today) {
            return reviewDue != null && reviewDue.isBefore(today);
        }
    }

    public record ConcernCount(String category, long open, long closed) {

        public String label() {
            String words = category.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
    }

    /** One week of the chart: acknowledged by its end, as a share of today's required. */
    public record Bar(LocalDate ending, long acknowledged, long percent) {}

    public boolean isSchool() {
        return schoolUrn != null;
    }

    public String scope() {
        return isSchool() ? schoolName + " (URN " + schoolUrn + ")" : trustName;
    }
}
