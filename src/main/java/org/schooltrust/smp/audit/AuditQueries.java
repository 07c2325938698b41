package org.schooltrust.smp.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.security.Role;

/** Reads the audit trail, oldest first, keyset-paged by id. */
@ApplicationScoped
class AuditQueries {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Caller caller;

    Page<AuditEventView> list(AuditFilter filter, PageParams page) {
        caller.requireAny(Role.TRUST_ADMIN);
        long after =
                page.cursor == null ? 0 : parseId(Cursor.decode(page.cursor, 1).get(0));
        StringBuilder sql = new StringBuilder("SELECT id, occurred_at, actor_subject, actor_roles, client_id, action,"
                + " target_type, target_id, school_urn, request_id, changed_fields, prev_hash, hash"
                + " FROM audit_events WHERE id > ?");
        List<Object> args = new ArrayList<>(List.of(after));
        if (filter.targetType() != null) {
            sql.append(" AND target_type = ?");
            args.add(filter.targetType());
        }
        if (filter.targetId() != null) {
            sql.append(" AND target_id = ?");
            args.add(filter.targetId());
        }
        if (filter.schoolUrn() != null) {
            sql.append(" AND school_urn = ?");
            args.add(filter.schoolUrn());
        }
        sql.append(" ORDER BY id LIMIT ?");
        args.add(page.limit() + 1);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            List<AuditEventView> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new AuditEventView(
                            rs.getLong(1),
                            rs.getTimestamp(2).toInstant(),
                            rs.getString(3),
                            strings(rs.getArray(4)),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            strings(rs.getArray(11)),
                            rs.getString(12),
                            rs.getString(13)));
                }
            }
            return Page.of(rows, page.limit(), e -> Cursor.encode(Long.toString(e.id())));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read audit events", e);
        }
    }

    private static long parseId(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    record AuditFilter(String targetType, String targetId, String schoolUrn) {}
}
