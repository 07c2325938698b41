package org.schooltrust.smp.socialaccount;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
    AgroalDataSource dataSource;

    String fingerprint() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(FINGERPRINT);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1) + "|" + instant(rs.getTimestamp(2)) + "|" + instant(rs.getTimestamp(3));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the register fingerprint", e);
        }
    }

    /** ACTIVE accounts by school then id, after the given key. */
    List<RegisterEntry> active(String afterUrn, UUID afterId, int limit) {
        return query(
                "SELECT " + COLUMNS + FROM + " WHERE a.status = 'ACTIVE' AND (a.school_urn, a.id) > (?, ?)"
                        + " ORDER BY a.school_urn, a.id LIMIT ?",
                afterUrn,
                afterId,
                limit);
    }

    /** Every account ever on the register whose entry changed at or after {@code since}, by change then id. */
    List<RegisterEntry> changedSince(Instant since, Instant afterChanged, UUID afterId, int limit) {
        return query(
                "SELECT * FROM (SELECT " + COLUMNS + FROM + " WHERE a.register_updated_at IS NOT NULL) r"
                        + " WHERE r.changed_at >= ? AND (r.changed_at, r.id) > (?, ?) ORDER BY r.changed_at, r.id"
                        + " LIMIT ?",
                Timestamp.from(since),
                Timestamp.from(afterChanged),
                afterId,
                limit);
    }

    Optional<RegisterEntry> active(Platform platform, String handle) {
        return query(
                        "SELECT " + COLUMNS + FROM + " WHERE a.status = 'ACTIVE' AND a.platform = ? AND a.handle = ?",
                        platform.name(),
                        handle)
                .stream()
                .findFirst();
    }

    private List<RegisterEntry> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<RegisterEntry> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new RegisterEntry(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getString(3),
                            Platform.valueOf(rs.getString(4)),
                            rs.getString(5),
                            rs.getString(6),
                            Purpose.valueOf(rs.getString(7)),
                            instantOrNull(rs.getTimestamp(8)),
                            instantOrNull(rs.getTimestamp(9)),
                            rs.getTimestamp(11).toInstant(),
                            !AccountStatus.ACTIVE.name().equals(rs.getString(10))));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the register", e);
        }
    }

    private static String instant(Timestamp t) {
        return t == null ? "" : t.toInstant().toString();
    }

    private static Instant instantOrNull(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
