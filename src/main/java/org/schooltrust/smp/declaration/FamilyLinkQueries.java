package org.schooltrust.smp.declaration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.declaration.DeclarationViews.CheckResult;
import org.schooltrust.smp.declaration.DeclarationViews.FeedStatus;
import org.schooltrust.smp.declaration.DeclarationViews.Link;
import org.schooltrust.smp.declaration.DeclarationViews.LinkStatus;
import org.schooltrust.smp.declaration.DeclarationViews.SchoolCounts;
import org.schooltrust.smp.declaration.DeclarationViews.Unanswered;

/** Set-based reads for machines and summaries: never pupil names, notes or protocols. */
@ApplicationScoped
class FamilyLinkQueries {

    @Inject
    Sql sql;

    @Inject
    TimeSource time;

    /**
     * One pair as a point query: both keys are indexed equalities, so PostgreSQL keeps one cheap generic plan for it
     * (the {@code unnest} form below costs more planned generically than custom, so it is re-planned on every call —
     * issue 15's profile). Active statuses are literals for the same reason.
     */
    static final String CHECK_ONE = "SELECT a.hr_id, d.pupil_mis_id, d.status, d.relationship FROM adults a"
            + " JOIN family_declarations d ON d.adult_id = a.id WHERE a.hr_id = ? AND d.school_urn = ?"
            + " AND d.pupil_mis_id = ? AND d.status IN ('SUBMITTED', 'INFO_REQUESTED', 'ACKNOWLEDGED')";

    /** Many pairs in one statement: unnest the pairs, join adults by HR id and active declarations at the school. */
    static final String CHECK_MANY = "SELECT a.hr_id, d.pupil_mis_id, d.status, d.relationship"
            + " FROM unnest(?::text[], ?::text[]) AS p(hr_id, pupil)"
            + " JOIN adults a ON a.hr_id = p.hr_id"
            + " JOIN family_declarations d ON d.adult_id = a.id AND d.school_urn = ?"
            + " AND d.pupil_mis_id = p.pupil"
            + " AND d.status = ANY(?)";

    static final String SCHOOL_EXISTS = "SELECT 1 FROM schools WHERE urn = ?";

    /**
     * Counts per school and status for a page of schools: the page first (index probes in URN order), then only its
     * rows are counted, so the cost follows the page, not the Trust (issue 15).
     */
    static final String COUNTS_PAGE = "WITH page AS (SELECT s.urn FROM schools s WHERE s.urn > ? AND (EXISTS (SELECT 1"
            + " FROM family_declarations d WHERE d.school_urn = s.urn) OR EXISTS (SELECT 1 FROM"
            + " family_nil_returns r WHERE r.school_urn = s.urn)) ORDER BY s.urn LIMIT ?)"
            + " SELECT d.school_urn, d.status, count(*) FROM family_declarations d"
            + " WHERE d.school_urn IN (SELECT urn FROM page) GROUP BY d.school_urn, d.status"
            + " UNION ALL SELECT r.school_urn, 'NIL_RETURN', count(DISTINCT r.adult_id)"
            + " FROM family_nil_returns r WHERE r.school_urn IN (SELECT urn FROM page) GROUP BY r.school_urn";

    /** Whether the school exists: a plain point query, no entity loaded. */
    boolean schoolExists(String urn) {
        return sql.first("check a school exists", SCHOOL_EXISTS, row -> true, urn)
                .isPresent();
    }

    /** One pair as {@link #CHECK_ONE}, more as {@link #CHECK_MANY}. */
    List<CheckResult> check(String urn, List<DeclarationInputs.Pair> pairs) {
        Map<String, CheckResult> found = new HashMap<>();
        if (pairs.size() == 1) {
            DeclarationInputs.Pair pair = pairs.get(0);
            sql.list(
                    "check one family link",
                    CHECK_ONE,
                    row -> found.put(key(row.string(1), row.string(2)), result(row)),
                    pair.staffHrId(),
                    urn,
                    pair.pupilMisId());
            return List.of(found.getOrDefault(
                    key(pair.staffHrId(), pair.pupilMisId()),
                    new CheckResult(pair.staffHrId(), pair.pupilMisId(), LinkStatus.NONE, null)));
        }
        sql.list(
                "check family links",
                CHECK_MANY,
                row -> found.put(key(row.string(1), row.string(2)), result(row)),
                pairs.stream().map(DeclarationInputs.Pair::staffHrId).toArray(String[]::new),
                pairs.stream().map(DeclarationInputs.Pair::pupilMisId).toArray(String[]::new),
                urn,
                DeclarationStatus.names(DeclarationStatus.ACTIVE));
        return pairs.stream()
                .map(p -> found.getOrDefault(
                        key(p.staffHrId(), p.pupilMisId()),
                        new CheckResult(p.staffHrId(), p.pupilMisId(), LinkStatus.NONE, null)))
                .toList();
    }

    /** Acknowledged links and tombstones of once-acknowledged ones, by time of change then id. */
    List<Link> feed(String urn, Instant since, Instant afterTime, UUID afterId, int limit) {
        return sql.list(
                "read family links",
                "SELECT d.id, a.hr_id, d.pupil_mis_id, d.relationship,"
                        + " d.status, d.updated_at FROM family_declarations d JOIN adults a ON a.id = d.adult_id"
                        + " WHERE d.school_urn = ? AND d.acknowledged_at IS NOT NULL"
                        + " AND d.status = ANY(?)"
                        + " AND d.updated_at >= ? AND (d.updated_at, d.id) > (?, ?)"
                        + " ORDER BY d.updated_at, d.id LIMIT ?",
                row -> {
                    boolean live = DeclarationStatus.ACKNOWLEDGED.name().equals(row.string(5));
                    return new Link(
                            row.uuid(1),
                            row.string(2),
                            row.string(3),
                            live ? row.enumValue(4, Relationship.class) : null,
                            live ? FeedStatus.ACKNOWLEDGED : FeedStatus.REMOVED,
                            row.instant(6));
                },
                urn,
                DeclarationStatus.names(DeclarationStatus.IN_LINK_FEED),
                since,
                afterTime,
                afterId,
                limit);
    }

    /** Active adults currently at the school with neither a declaration there nor a nil return, by HR id. */
    List<Unanswered> unanswered(String urn, String afterHrId, int limit) {
        return sql.list(
                "list unanswered adults",
                "SELECT a.hr_id, a.first_name, a.last_name FROM adults a"
                        + " WHERE a.active AND a.hr_id > ? AND EXISTS (SELECT 1 FROM current_assignments_on(?) s"
                        + " WHERE s.adult_id = a.id AND s.school_urn = ?)"
                        + " AND NOT EXISTS (SELECT 1 FROM family_declarations d WHERE d.adult_id = a.id"
                        + " AND d.school_urn = ?)"
                        + " AND NOT EXISTS (SELECT 1 FROM family_nil_returns n WHERE n.adult_id = a.id"
                        + " AND n.school_urn = ?)"
                        + " ORDER BY a.hr_id LIMIT ?",
                row -> new Unanswered(row.string(1), row.string(2), row.string(3)),
                afterHrId == null ? "" : afterHrId,
                time.today(),
                urn,
                urn,
                urn,
                limit);
    }

    /** Counts per school and status for the Trust, a page of schools after {@code afterUrn}; no names. */
    List<SchoolCounts> counts(String afterUrn, int limit) {
        Map<String, long[]> bySchool = new java.util.TreeMap<>();
        sql.list(
                "count declarations",
                COUNTS_PAGE,
                row -> {
                    long[] counts = bySchool.computeIfAbsent(row.string(1), k -> new long[7]);
                    int index = switch (row.string(2)) {
                        case "SUBMITTED" -> 0;
                        case "INFO_REQUESTED" -> 1;
                        case "ACKNOWLEDGED" -> 2;
                        case "DECLINED" -> 3;
                        case "WITHDRAWN" -> 4;
                        case "ENDED" -> 5;
                        default -> 6;
                    };
                    counts[index] = row.longValue(3);
                    return index;
                },
                afterUrn == null ? "" : afterUrn,
                limit);
        List<SchoolCounts> rows = new ArrayList<>();
        bySchool.forEach((urn, n) -> rows.add(new SchoolCounts(urn, n[0], n[1], n[2], n[3], n[4], n[5], n[6])));
        return rows;
    }

    private static CheckResult result(Sql.Row row) throws java.sql.SQLException {
        boolean acknowledged = DeclarationStatus.ACKNOWLEDGED.name().equals(row.string(3));
        return new CheckResult(
                row.string(1),
                row.string(2),
                acknowledged ? LinkStatus.ACKNOWLEDGED : LinkStatus.PENDING,
                acknowledged ? row.enumValue(4, Relationship.class) : null);
    }

    private static String key(String hrId, String pupil) {
        return hrId + "\u001f" + pupil;
    }
}
