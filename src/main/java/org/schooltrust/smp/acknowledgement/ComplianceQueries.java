package org.schooltrust.smp.acknowledgement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.schooltrust.smp.acknowledgement.AcknowledgementViews.RequirementView;
import org.schooltrust.smp.acknowledgement.ComplianceViews.AdultRow;
import org.schooltrust.smp.acknowledgement.ComplianceViews.Counts;
import org.schooltrust.smp.acknowledgement.ComplianceViews.SchoolSummary;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.common.time.TimeSource;

/**
 * Set-based reads of the requirement rule {@code policy_requirements_on(day)} (migrations V8, V14); the day is the
 * service clock's today. Schools' and the Trust's counts and a school's list read the rule's output as the database
 * keeps it current ({@code compliance_facts}, {@code compliance_counts}; ADR 0020), moved on to today by the first read
 * of a new day, so their cost does not grow with the Trust.
 */
@ApplicationScoped
class ComplianceQueries {

    private static final String REQUIREMENTS = " FROM policy_requirements_on(?) ";
    private static final String STATUS = "requirement_status(required, done, due_date, ?)";

    /** A school's counts by status (the statements below are plan-checked by the benchmark). */
    static final String SCHOOL_COUNTS = "SELECT " + STATUS + ", sum(n) FROM compliance_counts"
            + " WHERE slug = ? AND school_urn = ? AND n > 0 GROUP BY 1";

    /** The Trust's counts by status. */
    static final String TRUST_COUNTS =
            "SELECT " + STATUS + ", sum(n) FROM compliance_counts WHERE slug = ? AND n > 0 GROUP BY 1";

    /** A page of schools with their counts by status (schools without adults included). */
    static final String TRUST_PAGE = "SELECT sc.urn, sc.name, CASE WHEN c.n IS NOT NULL THEN"
            + " requirement_status(c.required, c.done, c.due_date, ?) END AS status, sum(c.n)"
            + " FROM (SELECT urn, name FROM schools WHERE urn > ? ORDER BY urn LIMIT ?) sc"
            + " LEFT JOIN compliance_counts c ON c.school_urn = sc.urn AND c.slug = ? AND c.n > 0"
            + " GROUP BY sc.urn, sc.name, 3 ORDER BY sc.urn";

    /**
     * A page of a school's adults with their status and reminders, optionally of one status. Reminders of this
     * requirement (ADR 0016): acknowledgement reminders about the adult at the school for the version's basis, the key
     * a non-material version keeps.
     */
    static String schoolList(boolean oneStatus) {
        // the school's facts first, materialised: otherwise a generic plan walks every adult of the Trust in HR-id
        // order looking for this school's (the benchmark's plan check found it: 12 ms at 5,000 adults, growing)
        return "WITH r AS MATERIALIZED (SELECT a.hr_id, a.first_name, a.last_name, a.category, f.adult_id,"
                + " f.school_urn, f.version_id, f.due_date, f.acknowledged_at,"
                + " requirement_status(f.required, f.acknowledged_at IS NOT NULL, f.due_date, ?) AS status"
                + " FROM compliance_facts f JOIN adults a ON a.id = f.adult_id"
                + " WHERE f.slug = ? AND f.school_urn = ? AND a.hr_id > ?)"
                + " SELECT hr_id, first_name, last_name, category, status, due_date, acknowledged_at, coalesce(sent.n, 0),"
                + " sent.last FROM r LEFT JOIN LATERAL"
                + " (SELECT count(*) AS n, max(x.created_at) AS last FROM reminders x JOIN policy_versions pv"
                + " ON pv.id = r.version_id WHERE x.kind = 'POLICY_ACKNOWLEDGEMENT' AND x.about_adult_id = r.adult_id"
                + " AND x.school_urn = r.school_urn AND x.subject_ref = pv.basis_id) sent ON true"
                + (oneStatus ? " WHERE status = ?" : "") + " ORDER BY hr_id LIMIT ?";
    }

    /** The day this instance last moved the kept counts to (a point query per new day, not per read). */
    private final AtomicReference<LocalDate> countsDay = new AtomicReference<>();

    @Inject
    Sql sql;

    @Inject
    TimeSource time;

    Counts counts(String slug, String schoolUrn) {
        Map<RequirementStatus, Long> counts = new EnumMap<>(RequirementStatus.class);
        sql.list(
                "count compliance",
                SCHOOL_COUNTS,
                row -> counts.put(row.enumValue(1, RequirementStatus.class), row.longValue(2)),
                keptDay(),
                slug,
                schoolUrn);
        return counts(counts);
    }

    /** Adults of a school, by HR id after {@code afterHrId}, optionally of one status; at most {@code limit} rows. */
    List<AdultRow> adults(String slug, String schoolUrn, RequirementStatus status, String afterHrId, int limit) {
        LocalDate today = keptDay();
        List<Object> args = new ArrayList<>(List.of(today, slug, schoolUrn, afterHrId == null ? "" : afterHrId));
        if (status != null) {
            args.add(status);
        }
        args.add(limit);
        return sql.list(
                "list compliance",
                schoolList(status != null),
                row -> new AdultRow(
                        row.string(1),
                        row.string(2),
                        row.string(3),
                        row.string(4),
                        row.enumValue(5, RequirementStatus.class),
                        row.date(6),
                        row.instant(7),
                        row.intValue(8),
                        row.instant(9)),
                args.toArray());
    }

    /** The Trust's counts by status across every school. */
    Counts total(String slug) {
        Map<RequirementStatus, Long> counts = new EnumMap<>(RequirementStatus.class);
        sql.list(
                "count the Trust's compliance",
                TRUST_COUNTS,
                row -> counts.put(row.enumValue(1, RequirementStatus.class), row.longValue(2)),
                keptDay(),
                slug);
        return counts(counts);
    }

    /** One row per school of the Trust (schools without adults included), by URN after {@code afterUrn}. */
    List<SchoolSummary> trust(String slug, String afterUrn, int limit) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Map<RequirementStatus, Long>> bySchool = new LinkedHashMap<>();
        sql.list(
                "summarise compliance",
                TRUST_PAGE,
                row -> {
                    String urn = row.string(1);
                    names.put(urn, row.string(2));
                    Map<RequirementStatus, Long> counts =
                            bySchool.computeIfAbsent(urn, k -> new EnumMap<>(RequirementStatus.class));
                    if (row.string(3) != null) {
                        counts.put(row.enumValue(3, RequirementStatus.class), row.longValue(4));
                    }
                    return urn;
                },
                keptDay(),
                afterUrn == null ? "" : afterUrn,
                limit,
                slug);
        List<SchoolSummary> rows = new ArrayList<>();
        bySchool.forEach((urn, counts) -> rows.add(new SchoolSummary(urn, names.get(urn), false, counts(counts))));
        return rows;
    }

    /** Counts by status for each category of adult, at one school or (null) the whole Trust. */
    Map<String, Counts> byCategory(String slug, String schoolUrn) {
        LocalDate today = keptDay();
        Map<String, Map<RequirementStatus, Long>> found = new java.util.TreeMap<>();
        sql.list(
                "count compliance by category",
                "SELECT a.category, requirement_status(f.required, f.acknowledged_at IS NOT NULL, f.due_date, ?),"
                        + " count(*) FROM compliance_facts f JOIN adults a ON a.id = f.adult_id"
                        + " WHERE f.slug = ? AND (?::text IS NULL OR f.school_urn = ?) GROUP BY 1, 2",
                row -> found.computeIfAbsent(row.string(1), k -> new EnumMap<>(RequirementStatus.class))
                        .put(row.enumValue(2, RequirementStatus.class), row.longValue(3)),
                today,
                slug,
                schoolUrn,
                schoolUrn);
        Map<String, Counts> counts = new LinkedHashMap<>();
        found.forEach((category, byStatus) -> counts.put(category, counts(byStatus)));
        return counts;
    }

    /**
     * How many of today's required acknowledgements were made by the end of each of the last {@code weeks} weeks
     * (Monday to Sunday, the last ending today), at one school or (null) the Trust: acknowledgement over time.
     */
    List<long[]> acknowledgedByWeek(String slug, String schoolUrn, int weeks) {
        LocalDate today = keptDay();
        return sql.list(
                "count acknowledgements by week",
                "SELECT w.n, (SELECT count(*) FROM compliance_facts f WHERE f.slug = ?"
                        + " AND (?::text IS NULL OR f.school_urn = ?) AND f.required AND f.acknowledged_at IS NOT NULL"
                        + " AND f.acknowledged_at < (?::date - 7 * w.n + 1)::timestamptz)"
                        + " FROM generate_series(?, 0, -1) AS w(n) ORDER BY w.n DESC",
                row -> new long[] {row.longValue(1), row.longValue(2)},
                slug,
                schoolUrn,
                schoolUrn,
                today,
                weeks - 1);
    }

    /** The caller's own requirements, across their schools and every policy with a current version, keyset-paged. */
    List<RequirementView> forAdult(UUID adultId, String afterSlug, String afterUrn, int limit) {
        return sql.list(
                "read requirements",
                "SELECT slug, label, school_urn, status, due_date, acknowledged_at" + REQUIREMENTS
                        + "WHERE adult_id = ? AND (slug, school_urn) > (?, ?) ORDER BY slug, school_urn LIMIT ?",
                row -> new RequirementView(
                        row.string(1),
                        row.string(2),
                        row.string(3),
                        row.enumValue(4, RequirementStatus.class),
                        row.date(5),
                        row.instant(6)),
                time.today(),
                adultId,
                afterSlug,
                afterUrn,
                limit);
    }

    /**
     * Today, with the kept counts moved to it first if this instance has not yet done so today:
     * {@code compliance_roll} recomputes only the adults whose assignments start or end in between (ADR 0020).
     */
    private LocalDate keptDay() {
        LocalDate today = time.today();
        if (!today.equals(countsDay.get())) {
            sql.list("move the compliance counts to today", "SELECT compliance_roll(?)", row -> today, today);
            countsDay.set(today);
        }
        return today;
    }

    private static Counts counts(Map<RequirementStatus, Long> counts) {
        return new Counts(
                counts.getOrDefault(RequirementStatus.DONE, 0L),
                counts.getOrDefault(RequirementStatus.DUE, 0L),
                counts.getOrDefault(RequirementStatus.OVERDUE, 0L),
                counts.getOrDefault(RequirementStatus.NOT_REQUIRED, 0L));
    }
}
