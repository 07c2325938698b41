package org.schooltrust.smp.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.schooltrust.smp.common.db.Sql;

/** The statements of the audit chains' checkpoints and their verification (ADR 0018). */
@ApplicationScoped
class AuditChainStore {

    @Inject
    Sql sql;

    /** The chain's last event: {@code {id, hash}}. */
    Optional<Object[]> head(AuditLog.Chain chain) {
        return sql.first(
                "read an audit chain head",
                "SELECT id, hash FROM audit_events WHERE chain = ? ORDER BY id DESC LIMIT 1",
                r -> new Object[] {r.longValue(1), r.string(2)},
                chain);
    }

    /** The chain's first event: {@code {id, prev_hash}}. */
    Optional<Object[]> firstEvent(AuditLog.Chain chain) {
        return sql.first(
                "read an audit chain's first event",
                "SELECT id, prev_hash FROM audit_events WHERE chain = ? ORDER BY id LIMIT 1",
                r -> new Object[] {r.longValue(1), r.string(2)},
                chain);
    }

    Optional<AuditChain.Checkpoint> latest(AuditLog.Chain chain) {
        return sql.first(
                "read the last audit checkpoint",
                "SELECT " + AuditChain.CHECKPOINT_COLUMNS + " FROM audit_checkpoints WHERE chain = ?"
                        + " AND sequence IS NOT NULL ORDER BY sequence DESC LIMIT 1",
                AuditChain::checkpointOf,
                chain);
    }

    List<AuditChain.Checkpoint> checkpoints(AuditLog.Chain chain) {
        return sql.list(
                "read audit checkpoints",
                "SELECT " + AuditChain.CHECKPOINT_COLUMNS + " FROM audit_checkpoints WHERE chain = ? ORDER BY id",
                AuditChain::checkpointOf,
                chain);
    }

    void insertCheckpoint(
            AuditLog.Chain chain,
            AuditChain.Checkpoint next,
            Instant now,
            Long through,
            String throughHash,
            String signature) {
        sql.update(
                "write an audit checkpoint",
                "INSERT INTO audit_checkpoints (chain, " + AuditChain.CHECKPOINT_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chain,
                next.sequence(),
                next.eventId(),
                next.eventHash(),
                now,
                next.previous(),
                through,
                throughHash,
                signature);
    }

    /** A batch of the chain's events after {@code after}, within the optional time range, in id order. */
    List<AuditChain.Row> events(AuditLog.Chain chain, long after, Instant from, Instant to, int limit) {
        return sql.list(
                "read audit events to verify",
                "SELECT id, occurred_at, actor_subject, actor_roles, client_id, action, target_type, target_id,"
                        + " school_urn, request_id, changed_fields, prev_hash, hash FROM audit_events"
                        + " WHERE chain = ? AND id > ? AND (?::timestamptz IS NULL OR occurred_at >= ?)"
                        + " AND (?::timestamptz IS NULL OR occurred_at <= ?) ORDER BY id LIMIT ?",
                AuditChain.Row::of,
                chain,
                after,
                from,
                from,
                to,
                to,
                limit);
    }
}
