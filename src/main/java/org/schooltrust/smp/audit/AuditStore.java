package org.schooltrust.smp.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.schooltrust.smp.common.db.Sql;

/** The audit trail's writes: appends to a chain, in the caller's transaction (ADR 0018). */
@ApplicationScoped
class AuditStore {

    private static final String INSERT = "INSERT INTO audit_events (occurred_at, actor_subject, actor_roles, client_id,"
            + " action, target_type, target_id, school_urn, request_id, changed_fields, prev_hash, hash, chain)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    Sql sql;

    /** {@code action target_type target_id} of the caller's reads of these targets since {@code since}. */
    Set<String> recentReads(String subject, String[] targetTypes, String[] targetIds, Instant since) {
        return new HashSet<>(sql.list(
                "read recent audit events",
                "SELECT action || ' ' || target_type || ' ' || target_id FROM audit_events WHERE chain = 'READ'"
                        + " AND actor_subject = ? AND target_type = ANY(?) AND target_id = ANY(?) AND occurred_at > ?",
                row -> row.string(1),
                subject,
                targetTypes,
                targetIds,
                since));
    }

    /** The hash of the chain's last event (the caller holds the chain's lock). */
    Optional<String> head(AuditLog.Chain chain) {
        return sql.first(
                "read the audit chain head",
                "SELECT hash FROM audit_events WHERE chain = ? ORDER BY id DESC LIMIT 1",
                row -> row.string(1),
                chain);
    }

    /** Rows in {@link #INSERT}'s column order. */
    void append(List<Object[]> rows) {
        sql.batch("append audit events", INSERT, rows);
    }
}
