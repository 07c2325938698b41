package org.schooltrust.smp.permission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.schooltrust.smp.common.db.Sql;

/** The express-permission table (migration V11) through {@link Sql}. */
@ApplicationScoped
class PermissionStore {

    private static final String COLUMNS = "p.id, p.school_urn, p.adult_id, p.purpose, p.channel, p.valid_from,"
            + " p.valid_to, p.granted_by, p.granted_at, p.revoked_at, p.version, a.hr_id, g.hr_id";
    private static final String FROM =
            " FROM express_permissions p JOIN adults a ON a.id = p.adult_id JOIN adults g ON g.id = p.granted_by";

    /** A permission with the HR ids its view shows. */
    record Row(ExpressPermission permission, String hrId, String grantedByHrId) {}

    @Inject
    Sql sql;

    private static Row row(Sql.Row r) throws java.sql.SQLException {
        return new Row(
                new ExpressPermission(
                        r.uuid(1),
                        r.string(2),
                        r.uuid(3),
                        r.string(4),
                        r.string(5),
                        r.date(6),
                        r.date(7),
                        r.uuid(8),
                        r.instant(9),
                        r.instant(10),
                        r.longValue(11)),
                r.string(12),
                r.string(13));
    }

    void insert(ExpressPermission p, Instant now) {
        sql.update(
                "grant an express permission",
                "INSERT INTO express_permissions (id, school_urn, adult_id, purpose, purpose_key, channel, valid_from,"
                        + " valid_to, granted_by, granted_at, version, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p.id(),
                p.schoolUrn(),
                p.adultId(),
                p.purpose(),
                ExpressPermission.purposeKey(p.purpose()),
                p.channel(),
                p.validFrom(),
                p.validTo(),
                p.grantedBy(),
                p.grantedAt(),
                p.version(),
                now);
    }

    /** Revokes it if its version is still {@code expected}; false when someone changed it first. */
    boolean revoke(UUID id, long expected, UUID by, Instant now) {
        return sql.update(
                        "revoke an express permission",
                        "UPDATE express_permissions SET revoked_at = ?, revoked_by = ?, version = version + 1,"
                                + " updated_at = ? WHERE id = ? AND version = ?",
                        now,
                        by,
                        now,
                        id,
                        expected)
                == 1;
    }

    Optional<Row> find(UUID id) {
        return sql.first(
                "read an express permission", "SELECT " + COLUMNS + FROM + " WHERE p.id = ?", PermissionStore::row, id);
    }

    /** Permissions of a school or of an adult, oldest first, after the keyset position. */
    List<Row> page(String urn, UUID adult, Instant afterTime, UUID afterId, int limit) {
        return sql.list(
                "list express permissions",
                "SELECT " + COLUMNS + FROM + " WHERE (?::text IS NULL OR p.school_urn = ?)"
                        + " AND (?::uuid IS NULL OR p.adult_id = ?) AND (p.granted_at, p.id) > (?, ?)"
                        + " ORDER BY p.granted_at, p.id LIMIT ?",
                PermissionStore::row,
                urn,
                urn,
                adult,
                adult,
                afterTime,
                afterId,
                limit);
    }

    /** Whether a permission for the adult, school and purpose is valid on {@code day} and not revoked. */
    boolean granted(String urn, String hrId, String purpose, LocalDate day) {
        return sql.first(
                        "check an express permission",
                        "SELECT 1 FROM express_permissions p JOIN adults a ON a.id = p.adult_id WHERE p.school_urn = ?"
                                + " AND a.hr_id = ? AND p.purpose_key = ? AND p.revoked_at IS NULL"
                                + " AND p.valid_from <= ? AND p.valid_to >= ? LIMIT 1",
                        r -> true,
                        urn,
                        hrId,
                        ExpressPermission.purposeKey(purpose),
                        day,
                        day)
                .isPresent();
    }
}
