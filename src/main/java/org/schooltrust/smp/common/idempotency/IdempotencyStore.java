package org.schooltrust.smp.common.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.schooltrust.smp.common.db.Sql;

/** Idempotency keys (V31): one row per operation, caller and key. */
@ApplicationScoped
class IdempotencyStore {

    /** What an earlier request under a key was, and what it created. */
    record Earlier(String fingerprint, String targetId, boolean created) {}

    @Inject
    Sql sql;

    /**
     * Claims the key: true when this request is the first. A concurrent request with the same key waits here until the
     * first commits (then finds its row) or rolls back (then claims it).
     */
    boolean claim(String operation, String caller, String key, String fingerprint, Instant now, Instant expired) {
        sql.update(
                "forget an expired idempotency key",
                "DELETE FROM idempotent_requests WHERE operation = ? AND caller = ? AND key = ? AND created_at < ?",
                operation,
                caller,
                key,
                expired);
        return sql.update(
                        "claim an idempotency key",
                        "INSERT INTO idempotent_requests (operation, caller, key, fingerprint, created_at)"
                                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        operation,
                        caller,
                        key,
                        fingerprint,
                        now)
                == 1;
    }

    Optional<Earlier> find(String operation, String caller, String key) {
        return sql.first(
                "read an idempotency key",
                "SELECT fingerprint, target_id, first_created FROM idempotent_requests WHERE operation = ? AND caller = ?"
                        + " AND key = ?",
                row -> new Earlier(row.string(1), row.string(2), row.bool(3)),
                operation,
                caller,
                key);
    }

    void answered(String operation, String caller, String key, String targetId, boolean created) {
        sql.update(
                "remember what an idempotent request answered",
                "UPDATE idempotent_requests SET target_id = ?, first_created = ? WHERE operation = ? AND caller = ?"
                        + " AND key = ?",
                targetId,
                created,
                operation,
                caller,
                key);
    }

    /** Forgets keys older than {@code before}, a batch at a time; how many went. */
    int purge(Instant before, int batch) {
        return sql.update(
                "forget expired idempotency keys",
                "DELETE FROM idempotent_requests WHERE ctid IN (SELECT ctid FROM idempotent_requests"
                        + " WHERE created_at < ? LIMIT ?)",
                before,
                batch);
    }
}
