package org.schooltrust.smp.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.schooltrust.smp.audit.AuditViews.AuditEventView;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.common.error.InvalidRequestException;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.security.Caller;

/** Reads the audit trail, oldest first, keyset-paged by id. */
@ApplicationScoped
class AuditQueries {

    @Inject
    Sql sql;

    @Inject
    Caller caller;

    Page<AuditEventView> list(AuditFilter filter, PageParams page) {
        long after =
                page.cursor == null ? 0 : parseId(Cursor.decode(page.cursor, 1).get(0));
        StringBuilder query = new StringBuilder("SELECT id, occurred_at, actor_subject, actor_roles, client_id, action,"
                + " target_type, target_id, school_urn, request_id, changed_fields, prev_hash, hash, chain"
                + " FROM audit_events WHERE id > ?");
        List<Object> args = new ArrayList<>(List.of(after));
        if (filter.targetType() != null) {
            query.append(" AND target_type = ?");
            args.add(filter.targetType());
        }
        if (filter.targetId() != null) {
            query.append(" AND target_id = ?");
            args.add(filter.targetId());
        }
        if (filter.schoolUrn() != null) {
            query.append(" AND school_urn = ?");
            args.add(filter.schoolUrn());
        }
        query.append(" ORDER BY id LIMIT ?");
        args.add(page.limit() + 1);
        List<AuditEventView> rows = sql.list(
                "read audit events",
                query.toString(),
                row -> new AuditEventView(
                        row.longValue(1),
                        row.instant(2),
                        row.string(3),
                        row.strings(4),
                        row.string(5),
                        row.string(6),
                        row.string(7),
                        row.string(8),
                        row.string(9),
                        row.string(10),
                        row.strings(11),
                        row.string(12),
                        row.string(13),
                        row.string(14)),
                args.toArray());
        return Page.of(rows, page.limit(), e -> Cursor.encode(Long.toString(e.id())));
    }

    /** A cursor's id key; anything this server could not have issued is refused before it reaches SQL. */
    private static long parseId(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("The cursor is not one this server issued for this list.");
        }
    }

    record AuditFilter(String targetType, String targetId, String schoolUrn) {}
}
