package org.schooltrust.smp.retention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.schooltrust.smp.audit.AuditChain;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.db.AdvisoryLocks;
import org.schooltrust.smp.common.error.ConflictException;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.records.PersonalData;
import org.schooltrust.smp.common.text.Sha256;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.retention.RetentionViews.Disposed;
import org.schooltrust.smp.retention.RetentionViews.RunView;

/**
 * Disposes of records past their retention date and under no legal hold (ADR 0019): class by class, in batches of
 * {@value #BATCH} rows, each batch its own short transaction under the disposal lock, so nothing else waits long. One
 * audit event per run; the certificate lists each record's id and the SHA-256 of its content, never its values.
 */
@ApplicationScoped
public class DisposalJob {

    private static final Logger LOG = Logger.getLogger(DisposalJob.class);
    static final int BATCH = 1000;
    private static final int SHOWN_IN_DRY_RUN = 1000;

    @Inject
    DisposalStore store;

    @Inject
    RetentionService rules;

    @Inject
    ChangeLog changes;

    @Inject
    AuditChain chain;

    @Inject
    AdvisoryLocks locks;

    @Inject
    TimeSource time;

    @Inject
    ObjectMapper json;

    @Inject
    RetentionConfig config;

    @Scheduled(cron = "${smp.retention.disposal-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.enabled()) {
            try {
                RunView run = run(false);
                LOG.infof("disposal run %s: %s", run.id(), run.counts());
            } catch (ConflictException e) {
                LOG.info("disposal run skipped: another replica's run is in progress");
            }
        }
    }

    /** One class: which rows are due (id, content hash), and what disposing of a batch of ids does. */
    private record Step(RecordClass recordClass, String action, String candidates, List<String> dispose) {}

    @Inject
    RecordRules records;

    /** Every class but the audit trail from its feature's declaration (RecordRules); then the audit prefix. */
    private List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (RecordClass c : RecordClass.values()) {
            if (c != RecordClass.AUDIT_EVENT) {
                PersonalData.Disposal d = records.of(c);
                steps.add(new Step(c, d.action(), RecordRules.candidates(d), d.dispose()));
            }
        }
        steps.add(auditPrefix());
        return steps;
    }

    /** Audit events: only before a signed checkpoint, so the chain stays verifiable from it (ADR 0018). */
    private static Step auditPrefix() {
        return new Step(
                RecordClass.AUDIT_EVENT,
                "DELETED",
                // a prefix of each chain by id: up to its first event not yet due, its first event under a
                // hold (on the adult it is about, or its school), and before its latest signed checkpoint, so
                // what remains is one unbroken chain (clocks need not agree with ids)
                "WITH b AS (SELECT ch.chain, LEAST((SELECT coalesce(max(c.event_id), 0) FROM audit_checkpoints c"
                        + " WHERE c.chain = ch.chain), (SELECT coalesce(min(y.id), 9223372036854775807)"
                        + " FROM audit_events y WHERE y.chain = ch.chain AND y.occurred_at >= CASE ch.chain"
                        + " WHEN 'RECORDS' THEN ?::timestamptz ELSE ?::timestamptz END),"
                        + " (SELECT coalesce(min(y.id), 9223372036854775807) FROM legal_holds h"
                        + " JOIN audit_events y ON y.school_urn = h.target_id AND y.chain = ch.chain"
                        + " WHERE h.lifted_at IS NULL AND h.target_type = 'SCHOOL'),"
                        + " (SELECT coalesce(min(y.id), 9223372036854775807) FROM legal_holds h"
                        + " JOIN audit_events y ON y.target_type = 'adult' AND y.target_id = h.target_id"
                        + " AND y.chain = ch.chain WHERE h.lifted_at IS NULL AND h.target_type = 'ADULT'))"
                        + " AS upto FROM (VALUES ('WRITE'), ('READ'), ('RECORDS')) ch (chain))"
                        + " SELECT e.id::text, e.hash FROM audit_events e JOIN b ON b.chain = e.chain"
                        + " WHERE e.id < b.upto ORDER BY e.id",
                List.of(PersonalData.throughOwner("audit_events")));
    }

    private volatile Runnable afterBatch = () -> {};

    private volatile int batchSize = BATCH;

    /** Tests only: the batch size, and a hook run after each committed batch (to stop a run between batches). */
    void testHooks(int batchSize, Runnable afterBatch) {
        this.batchSize = batchSize;
        this.afterBatch = afterBatch;
    }

    /** A run with no batch for this long died (a batch takes seconds); the next run marks it INTERRUPTED. */
    static final java.time.Duration STALE_RUN = java.time.Duration.ofMinutes(15);

    /**
     * One run over every class; a dry run writes nothing and lists the first records that would go. A real run writes
     * its row first (IN_PROGRESS); each batch deletes, writes its certificate items and one audit entry in one
     * transaction; the run is marked COMPLETE at the end. A run that died is marked INTERRUPTED by the next.
     */
    public RunView run(boolean dryRun) {
        LocalDate today = time.today();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Disposed> shown = new ArrayList<>();
        UUID id = dryRun ? null : UUID.randomUUID();
        Instant started = time.now();
        if (!dryRun) {
            // confirmed changes past their notice period take effect first (a shorter period, a lifted hold)
            rules.applyDue();
            QuarkusTransaction.requiringNew().run(() -> {
                locks.lock(AdvisoryLocks.Lock.DISPOSAL);
                // one run at a time across replicas; a run with no batch for a while died, and is closed as such
                boolean busy = store.runInProgressSince(started.minus(STALE_RUN));
                if (busy) {
                    throw new ConflictException("A disposal run is in progress; its certificate grows batch by batch.");
                }
                store.closeDeadRuns(started);
                store.startRun(id, started);
            });
        }
        Map<RecordClass, RetentionRule> periods = rules.rules();
        int[] batchNumber = {0};
        for (Step step : steps()) {
            if (step.recordClass() == RecordClass.AUDIT_EVENT && !chain.anchored()) {
                // without a checkpoint key a disposal could not be told from a removal: the trail is kept whole
                LOG.warn("no SMP_AUDIT_CHECKPOINT_KEY: audit events are not disposed of");
                counts.put(step.recordClass().name(), 0);
                continue;
            }
            Instant cutoff = periods.get(step.recordClass())
                    .cutoff(today)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
            // the records acts' chain is kept as long as the longest period of any class
            Object[] since = step.recordClass() == RecordClass.AUDIT_EVENT
                    ? new Object[] {longest(periods, today), cutoff}
                    : new Object[] {cutoff};
            int count = 0;
            if (dryRun) {
                List<String[]> due = QuarkusTransaction.requiringNew().call(() -> store.due(step.candidates(), since));
                count = due.size();
                for (String[] d : due) {
                    if (shown.size() < SHOWN_IN_DRY_RUN) {
                        shown.add(new Disposed(step.recordClass(), d[0], d[1], step.action()));
                    }
                }
            } else {
                while (true) {
                    int size = batchSize;
                    List<String[]> batch = QuarkusTransaction.requiringNew()
                            .call(() -> disposeBatch(id, batchNumber[0] + 1, step, since, size));
                    count += batch.size();
                    if (!batch.isEmpty()) {
                        batchNumber[0]++;
                        afterBatch.run();
                    }
                    if (batch.size() < size) {
                        break;
                    }
                }
            }
            counts.put(step.recordClass().name(), count);
        }
        if (dryRun) {
            return new RunView(null, true, started, null, counts, shown, null);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                store.completeRun(id, json.writeValueAsString(counts), time.now());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            changes.record(new AuditEntry(
                    RetentionAction.DISPOSED,
                    "disposal-run",
                    id.toString(),
                    null,
                    counts.entrySet().stream()
                            .filter(e -> e.getValue() > 0)
                            .map(Map.Entry::getKey)
                            .toList()));
        });
        chain.checkpoint();
        return get(id, null, SHOWN_IN_DRY_RUN);
    }

    /**
     * One batch in the caller's (new) transaction, under the disposal lock: what is due now, disposed of, its
     * certificate items and one audit entry naming the class, the count and the SHA-256 of the items.
     */
    private List<String[]> disposeBatch(UUID run, int number, Step step, Object[] since, int size) {
        locks.lock(AdvisoryLocks.Lock.DISPOSAL);
        store.allowDisposal();
        Object[] args = java.util.Arrays.copyOf(since, since.length + 1);
        args[since.length] = size;
        List<String[]> due = store.due(step.candidates() + " LIMIT ?", args);
        if (due.isEmpty()) {
            return due;
        }
        Object ids = due.stream().map(d -> d[0]).toArray(String[]::new);
        List<Object[]> lastPerChain =
                step.recordClass() == RecordClass.AUDIT_EVENT ? store.lastAuditEventPerChain(ids) : List.of();
        Instant now = time.now();
        List<Object[]> items = new ArrayList<>();
        StringBuilder digest = new StringBuilder();
        for (String[] d : due) {
            items.add(new Object[] {run, number, step.recordClass().name(), d[0], d[1], step.action(), now});
            digest.append(step.recordClass().name())
                    .append(' ')
                    .append(d[0])
                    .append(' ')
                    .append(d[1])
                    .append('\n');
        }
        store.certify(items);
        // after the certificate: smp_dispose deletes only records a run in progress has certified
        for (String statement : step.dispose()) {
            store.dispose(statement, ids);
        }
        // in the same transaction: a signed record of what left each chain (ADR 0018)
        for (Object[] last : lastPerChain) {
            chain.recordDisposal((String) last[0], (Long) last[1], (String) last[2]);
        }
        changes.record(new AuditEntry(
                RetentionAction.BATCH_DISPOSED,
                "disposal-run",
                run.toString(),
                null,
                List.of(
                        step.recordClass().name(),
                        "batch:" + number,
                        "count:" + due.size(),
                        "certificate-sha256:" + Sha256.hex(digest.toString()))));
        return due;
    }

    /** The cutoff of the longest period of any class: how long the records acts' audit chain is kept. */
    private static Instant longest(Map<RecordClass, RetentionRule> periods, LocalDate today) {
        return periods.values().stream()
                .map(rule -> rule.cutoff(today))
                .min(LocalDate::compareTo)
                .orElseThrow()
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }

    public RunView get(UUID id) {
        return get(id, null, SHOWN_IN_DRY_RUN);
    }

    /** A run with a page of its certificate after {@code after} (a sequence number; null: from the start). */
    public RunView get(UUID id, Long after, int limit) {
        Object[] run = store.run(id).orElseThrow(() -> new ResourceNotFoundException("No disposal run " + id + "."));
        try {
            if (run[2] != null) {
                // a run written before V24 kept its certificate whole, in its row
                List<Disposed> whole = json.readValue(
                        (String) run[2], new com.fasterxml.jackson.core.type.TypeReference<List<Disposed>>() {});
                return new RunView(id, false, (Instant) run[0], (String) run[3], counts((String) run[1]), whole, null);
            }
            List<Object[]> page = store.certificatePage(id, after == null ? 0L : after, limit + 1);
            boolean more = page.size() > limit;
            List<Object[]> shown = more ? page.subList(0, limit) : page;
            Map<String, Integer> counts = "IN_PROGRESS".equals(run[3]) || "INTERRUPTED".equals(run[3])
                    ? store.certificateCounts(id).stream()
                            .collect(java.util.stream.Collectors.toMap(
                                    r -> (String) r[0], r -> (Integer) r[1], (x, y) -> x, LinkedHashMap::new))
                    : counts((String) run[1]);
            return new RunView(
                    id,
                    false,
                    (Instant) run[0],
                    (String) run[3],
                    counts,
                    shown.stream()
                            .map(r -> new Disposed(
                                    RecordClass.valueOf((String) r[1]), (String) r[2], (String) r[3], (String) r[4]))
                            .toList(),
                    more ? Long.toString((Long) shown.get(shown.size() - 1)[0]) : null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Integer> counts(String text) throws JsonProcessingException {
        return json.readValue(text, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Integer>>() {});
    }
}
