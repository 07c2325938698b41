package org.schooltrust.smp.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.report.GovernorsReport.Account;
import org.schooltrust.smp.report.GovernorsReport.ConcernCount;

/**
 * The report's counts that no feature's API already gives (issue 27), set-based, one statement each, at one school or
 * (null) the whole Trust. Counts only: no pupil, no declaration content, no concern content.
 */
@ApplicationScoped
class GovernorsReportQueries {

    @Inject
    Sql sql;

    /** Family declarations awaiting a Head's review (clause 6.8). */
    long pendingDeclarations(String urn) {
        return sql.first(
                        "count declarations pending review",
                        "SELECT count(*) FROM family_declarations WHERE status = 'SUBMITTED'"
                                + " AND (?::text IS NULL OR school_urn = ?)",
                        row -> row.longValue(1),
                        urn,
                        urn)
                .orElse(0L);
    }

    /** Official accounts that exist (approved, live or suspended) and their review dates (clause 8.1). */
    List<Account> accounts(String urn) {
        return sql.list(
                "list accounts for the report",
                "SELECT school_urn, platform, handle, status, review_due FROM social_accounts"
                        + " WHERE status IN ('APPROVED', 'ACTIVE', 'SUSPENDED') AND (?::text IS NULL OR school_urn = ?)"
                        + " ORDER BY school_urn, platform, handle",
                row -> new Account(row.string(1), row.string(2), row.string(3), row.string(4), row.date(5)),
                urn,
                urn);
    }

    /**
     * Concerns by category, open and closed. At a school: those its Heads handle there — never one routed to the Trust,
     * never one about {@code notAbout} (the Head asking).
     */
    List<ConcernCount> concerns(String urn, UUID notAbout) {
        return sql.list(
                "count concerns by category",
                "SELECT category, count(*) FILTER (WHERE status <> 'CLOSED'), count(*) FILTER (WHERE status = 'CLOSED')"
                        + " FROM concerns WHERE (?::text IS NULL OR (? = ANY (handling_schools) AND NOT trust_routed))"
                        + " AND (?::uuid IS NULL OR about_adult_id IS DISTINCT FROM ?) GROUP BY category ORDER BY category",
                row -> new ConcernCount(row.string(1), row.longValue(2), row.longValue(3)),
                urn,
                urn,
                notAbout,
                notAbout);
    }
}
