package org.schooltrust.smp.socialaccount;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.socialaccount.RegisterViews.RegisterEntry;

/** Plain JDBC reads of the public register: one indexed statement per answer. */
@ApplicationScoped
class RegisterQueries {

    static final UUID BEFORE_ALL = new UUID(0, 0);

    private static final String COLUMNS = "a.id, a.school_urn, s.name, a.platform, a.handle, a.canonical_url,"
            + " a.purpose, a.approved_at, a.live_since, a.status,"
            + " greatest(a.register_updated_at, s.updated_at) AS changed_at";
    private static final String FROM = " FROM social_accounts a JOIN schools s ON s.urn = a.school_urn";

    /**
     * Everything a register answer depends on, read with one statement of three index lookups: the number of ACTIVE
     * accounts, the last register change of any account, and the last change of any school (its name is shown).
     */
    private static final String FINGERPRINT = "SELECT (SELECT count(*) FROM social_accounts WHERE status = 'ACTIVE'),"
            + " (SELECT max(register_updated_at) FROM social_accounts),"
            + " (SELECT max(updated_at) FROM schools)";

    @Inject
    Sql sql;

    String fingerprint() {
        return sql.first(
                        "read the register fingerprint",
                        FINGERPRINT,
                        row -> row.longValue(1) + "|" + text(row.instant(2)) + "|" + text(row.instant(3)))
                .orElseThrow();
    }

    /** A page of ACTIVE accounts (the register's full pull); plan-checked by the benchmark. */
    static final String ACTIVE_PAGE = "SELECT " + COLUMNS + FROM
            + " WHERE a.status = 'ACTIVE' AND (a.school_urn, a.id) > (?, ?) ORDER BY a.school_urn, a.id LIMIT ?";

    /** ACTIVE accounts by school then id, after the given key. */
    List<RegisterEntry> active(String afterUrn, UUID afterId, int limit) {
        return query(ACTIVE_PAGE, afterUrn, afterId, limit);
    }

    /** Every account ever on the register whose entry changed at or after {@code since}, by change then id. */
    List<RegisterEntry> changedSince(Instant since, Instant afterChanged, UUID afterId, int limit) {
        return query(
                "SELECT * FROM (SELECT " + COLUMNS + FROM + " WHERE a.register_updated_at IS NOT NULL) r"
                        + " WHERE r.changed_at >= ? AND (r.changed_at, r.id) > (?, ?) ORDER BY r.changed_at, r.id"
                        + " LIMIT ?",
                since,
                afterChanged,
                afterId,
                limit);
    }

    Optional<RegisterEntry> active(Platform platform, String handle) {
        return query(
                        "SELECT " + COLUMNS + FROM + " WHERE a.status = 'ACTIVE' AND a.platform = ? AND a.handle = ?",
                        platform,
                        handle)
                .stream()
                .findFirst();
    }

    /** Accounts of a school that have been on the register (official, suspended or retired), by platform and handle. */
    static final String SCHOOL_PUBLIC = "SELECT id, school_urn, platform, handle, canonical_url, purpose, status,"
            + " live_since, reviewed_at, coalesce(retired_at, suspended_at) FROM social_accounts"
            + " WHERE school_urn = ? AND live_since IS NOT NULL AND status IN ('ACTIVE', 'SUSPENDED', 'RETIRED')"
            + " ORDER BY platform, handle, id";

    List<PublicAccount> publicAccounts(String schoolUrn) {
        return sql.list(
                "read a school's public accounts",
                SCHOOL_PUBLIC,
                row -> new PublicAccount(
                        row.uuid(1),
                        row.string(2),
                        row.enumValue(3, Platform.class),
                        row.string(4),
                        row.string(5),
                        row.enumValue(6, Purpose.class),
                        row.enumValue(7, AccountStatus.class),
                        row.instant(8),
                        row.instant(9),
                        row.instant(10)),
                schoolUrn);
    }

    /** The number of official accounts per school, for the Trust's page. */
    java.util.Map<String, Long> officialCounts() {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        sql.list(
                "count official accounts by school",
                "SELECT school_urn, count(*) FROM social_accounts WHERE status = 'ACTIVE' GROUP BY school_urn",
                row -> counts.put(row.string(1), row.longValue(2)));
        return counts;
    }

    private List<RegisterEntry> query(String query, Object... args) {
        return sql.list(
                "read the register",
                query,
                row -> new RegisterEntry(
                        row.uuid(1),
                        row.string(2),
                        row.string(3),
                        row.enumValue(4, Platform.class),
                        row.string(5),
                        row.string(6),
                        row.enumValue(7, Purpose.class),
                        row.instant(8),
                        row.instant(9),
                        row.instant(11),
                        !AccountStatus.ACTIVE.name().equals(row.string(10))),
                args);
    }

    private static String text(Instant t) {
        return t == null ? "" : t.toString();
    }
}
