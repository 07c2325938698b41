package org.schooltrust.smp.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.schooltrust.smp.common.db.Sql;

/** The disposal job's statements (ADR 0019): runs, certificates, and each record class's own disposal. */
@ApplicationScoped
class DisposalStore {

    @Inject
    Sql sql;

    /** Whether a run is in progress that wrote a batch (or started) after {@code since}. */
    boolean runInProgressSince(Instant since) {
        return sql.first(
                        "find a disposal run in progress",
                        "SELECT 1 FROM disposal_runs r WHERE r.status = 'IN_PROGRESS' AND GREATEST(r.ran_at,"
                                + " (SELECT max(c.disposed_at) FROM disposal_certificates c WHERE c.run_id = r.id))"
                                + " > ?",
                        row -> true,
                        since)
                .isPresent();
    }

    void closeDeadRuns(Instant at) {
        sql.update(
                "close runs that died",
                "UPDATE disposal_runs SET status = 'INTERRUPTED', completed_at = ? WHERE status = 'IN_PROGRESS'",
                at);
    }

    void startRun(UUID id, Instant at) {
        sql.update(
                "start a disposal run",
                "INSERT INTO disposal_runs (id, ran_at, counts, status) VALUES (?, ?, '{}'::jsonb, 'IN_PROGRESS')",
                id,
                at);
    }

    void completeRun(UUID id, String countsJson, Instant at) {
        sql.update(
                "complete a disposal run",
                "UPDATE disposal_runs SET status = 'COMPLETE', counts = ?::jsonb, completed_at = ? WHERE id = ?",
                countsJson,
                at,
                id);
    }

    /** Records a class's candidates statement finds: {@code {id, sha256}}. */
    List<String[]> due(String candidates, Object... args) {
        return sql.list(
                "read records due for disposal", candidates, r -> new String[] {r.string(1), r.string(2)}, args);
    }

    /** Lets this transaction delete from the protected tables (V24, checked by their triggers). */
    void allowDisposal() {
        sql.list("allow disposal", "SELECT set_config('smp.disposal', 'on', true)", r -> true);
    }

    /** Of these audit event ids, the last of each chain: {@code {chain, id, hash}}. */
    List<Object[]> lastAuditEventPerChain(Object ids) {
        return sql.list(
                "read the last audit event disposed of per chain",
                "SELECT DISTINCT ON (chain) chain, id, hash FROM audit_events"
                        + " WHERE id = ANY(?::bigint[]) ORDER BY chain, id DESC",
                r -> new Object[] {r.string(1), r.longValue(2), r.string(3)},
                ids);
    }

    /** Certificate items: {@code {run, batch, class, id, sha256, action, at}} each. */
    void certify(List<Object[]> items) {
        sql.batch(
                "write disposal certificate items",
                "INSERT INTO disposal_certificates (run_id, batch, record_class, record_id, sha256, action,"
                        + " disposed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                items);
    }

    /** One of a class's disposal statements over the certified ids (a SELECT of {@code smp_dispose}, or DML). */
    void dispose(String statement, Object ids) {
        if (statement.startsWith("SELECT")) {
            sql.list("dispose of records", statement, r -> true, ids);
        } else {
            sql.update("dispose of records", statement, ids);
        }
    }

    /** A run: {@code {ran_at, counts, certificate (before V24), status}}. */
    Optional<Object[]> run(UUID id) {
        return sql.first(
                "read a disposal run",
                "SELECT ran_at, counts::text, certificate::text, status FROM disposal_runs WHERE id = ?",
                r -> new Object[] {r.instant(1), r.string(2), r.string(3), r.string(4)},
                id);
    }

    /** Certificate entries after a sequence number: {@code {seq, record class, record id, sha256, action}}. */
    List<Object[]> certificatePage(UUID id, long after, int limit) {
        return sql.list(
                "read a page of a disposal certificate",
                "SELECT seq, record_class, record_id, sha256, action FROM disposal_certificates"
                        + " WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                r -> new Object[] {r.longValue(1), r.string(2), r.string(3), r.string(4), r.string(5)},
                id,
                after,
                limit);
    }

    /** A run's certified records by class: {@code {class, count}}. */
    List<Object[]> certificateCounts(UUID id) {
        return sql.list(
                "count a disposal run's certificate",
                "SELECT record_class, count(*)::int FROM disposal_certificates WHERE run_id = ?"
                        + " GROUP BY record_class ORDER BY record_class",
                r -> new Object[] {r.string(1), r.intValue(2)},
                id);
    }
}
