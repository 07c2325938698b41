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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.schooltrust.smp.audit.AuditChain;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.audit.AuditLog;
import org.schooltrust.smp.common.db.AdvisoryLocks;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
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
    Sql sql;

    @Inject
    RetentionService rules;

    @Inject
    AuditLog audit;

    @Inject
    AuditChain chain;

    @Inject
    AdvisoryLocks locks;

    @Inject
    TimeSource time;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "smp.retention.enabled", defaultValue = "true")
    boolean enabled;

    @Scheduled(
            cron = "${smp.retention.disposal-cron:0 30 2 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (enabled) {
            RunView run = run(false);
            LOG.infof("disposal run %s: %s", run.id(), run.counts());
        }
    }

    /** A legal hold on the adult, school, pupil or record spares the row. */
    private static String notHeld(String adult, String school, String pupil, String id) {
        return notHeld(adult, school, null, pupil, id);
    }

    /** As above; {@code schools}, when given, is an array of further schools whose hold spares the row. */
    private static String notHeld(String adult, String school, String schools, String pupil, String id) {
        return " AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.lifted_at IS NULL AND ("
                + (adult == null
                        ? "false"
                        : "(h.target_type = 'ADULT' AND h.target_id IN (SELECT x.hr_id FROM adults x"
                                + " WHERE x.id IN (" + adult + ")))")
                + " OR (h.target_type = 'SCHOOL' AND h.target_id = " + school + ")"
                + (schools == null ? "" : " OR (h.target_type = 'SCHOOL' AND h.target_id = ANY(" + schools + "))")
                + (pupil == null ? "" : " OR (h.target_type = 'PUPIL' AND h.target_id = " + pupil + ")")
                + " OR (h.target_type = 'RECORD' AND h.target_id = " + id + "::text)))";
    }

    private static final String ROW_HASH = "encode(sha256(convert_to(row_to_json(%s)::text, 'UTF8')), 'hex')";

    /** One class: which rows are due (id, content hash), and what disposing of a batch of ids does. */
    private record Step(RecordClass recordClass, String action, String candidates, List<String> dispose) {}

    private List<Step> steps() {
        String cp = "('INDECENT_IMAGES', 'RADICALISATION')";
        // a hold on a school covers the concerns handled there too, wherever they were raised
        String concernHeld = notHeld(
                "c.reporter_adult_id, c.about_adult_id",
                "c.school_urn",
                "c.handling_schools",
                "c.about_pupil_mis_id",
                "c.id");
        List<String> concernDelete = List.of(
                "DELETE FROM concern_timeline WHERE concern_id = ANY(?::uuid[])",
                "DELETE FROM concern_evidence WHERE concern_id = ANY(?::uuid[])",
                "DELETE FROM concerns WHERE id = ANY(?::uuid[])");
        return List.of(
                new Step(
                        RecordClass.DECLARATION_PUPIL_NAME,
                        "ANONYMISED",
                        // the hash of the whole row, as for the other classes: a hash of the name alone could be
                        // reversed from a list of
                        // names
                        "SELECT d.id::text, encode(sha256(convert_to(row_to_json(d)::text, 'UTF8')), 'hex')"
                                + " FROM family_declarations d"
                                + " WHERE d.status = 'ENDED' AND d.ended_at < ? AND d.pupil_name <> ''"
                                + notHeld("d.adult_id", "d.school_urn", "d.pupil_mis_id", "d.id"),
                        List.of("UPDATE family_declarations SET pupil_name = '', version = version + 1"
                                + " WHERE id = ANY(?::uuid[])")),
                new Step(
                        RecordClass.FAMILY_DECLARATION,
                        "DELETED",
                        "SELECT d.id::text, " + ROW_HASH.formatted("d") + " FROM family_declarations d"
                                + " WHERE d.status IN ('ENDED', 'WITHDRAWN', 'DECLINED')"
                                + " AND coalesce(d.ended_at, d.updated_at) < ?"
                                + notHeld("d.adult_id", "d.school_urn", "d.pupil_mis_id", "d.id"),
                        List.of("DELETE FROM family_declarations WHERE id = ANY(?::uuid[])")),
                new Step(
                        RecordClass.ACKNOWLEDGEMENT,
                        "DELETED",
                        "SELECT k.id::text, " + ROW_HASH.formatted("k") + " FROM acknowledgements k"
                                + " JOIN adults a ON a.id = k.adult_id WHERE NOT a.active AND a.updated_at < ?"
                                + notHeld("k.adult_id", "k.school_urn", null, "k.id"),
                        List.of("DELETE FROM acknowledgements WHERE id = ANY(?::uuid[])")),
                new Step(
                        RecordClass.NIL_RETURN,
                        "DELETED",
                        "SELECT n.id::text, " + ROW_HASH.formatted("n") + " FROM family_nil_returns n"
                                + " JOIN adults a ON a.id = n.adult_id WHERE NOT a.active AND a.updated_at < ?"
                                + notHeld("n.adult_id", "n.school_urn", null, "n.id"),
                        List.of("DELETE FROM family_nil_returns WHERE id = ANY(?::uuid[])")),
                new Step(
                        RecordClass.CONCERN,
                        "DELETED",
                        "SELECT c.id::text, " + ROW_HASH.formatted("c") + " FROM concerns c WHERE c.status = 'CLOSED'"
                                + " AND c.closed_at < ? AND c.category NOT IN " + cp + concernHeld,
                        concernDelete),
                new Step(
                        RecordClass.CONCERN_CHILD_PROTECTION,
                        "DELETED",
                        "SELECT c.id::text, " + ROW_HASH.formatted("c") + " FROM concerns c WHERE c.status = 'CLOSED'"
                                + " AND c.closed_at < ? AND c.category IN " + cp + concernHeld,
                        concernDelete),
                new Step(
                        RecordClass.REMINDER,
                        "DELETED",
                        "SELECT m.id::text, " + ROW_HASH.formatted("m")
                                + " FROM reminder_messages m WHERE m.created_at < ?"
                                + notHeld("m.recipient_adult_id", "m.school_urn", null, "m.id"),
                        List.of(
                                "DELETE FROM reminders WHERE message_id = ANY(?::uuid[])",
                                "DELETE FROM reminder_messages WHERE id = ANY(?::uuid[])")),
                new Step(
                        RecordClass.POLICY_VERSION,
                        "DELETED",
                        "SELECT v.id::text, " + ROW_HASH.formatted("v") + " FROM policy_versions v"
                                + " WHERE v.status IN ('SUPERSEDED', 'RETIRED') AND v.ended_at < ?"
                                + " AND NOT EXISTS (SELECT 1 FROM acknowledgements k WHERE k.version_id = v.id)"
                                + " AND NOT EXISTS (SELECT 1 FROM policy_versions o WHERE o.basis_id = v.id AND o.id <> v.id)"
                                + " AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.lifted_at IS NULL"
                                + " AND h.target_type = 'RECORD' AND h.target_id = v.id::text)",
                        List.of("DELETE FROM policy_versions WHERE id = ANY(?::uuid[])")),
                new Step(
                        RecordClass.WEBHOOK_DELIVERY,
                        "DELETED",
                        "SELECT w.id::text, " + ROW_HASH.formatted("w") + " FROM webhook_deliveries w"
                                + " WHERE w.status <> 'PENDING' AND w.updated_at < ?"
                                + notHeld(null, "w.school_urn", null, "w.id"),
                        // attempts go with their delivery (ON DELETE CASCADE)
                        List.of("DELETE FROM webhook_deliveries WHERE id = ANY(?::uuid[])")),
                // audit events: only before a signed checkpoint, so the chain stays verifiable from it (ADR 0018)
                new Step(
                        RecordClass.AUDIT_EVENT,
                        "DELETED",
                        // a prefix of each chain by id: up to its first event not yet due, its first event under a
                        // hold (on the adult it is about, or its school), and before its latest signed checkpoint, so
                        // what remains is one unbroken chain (clocks need not agree with ids)
                        "WITH b AS (SELECT ch.chain, LEAST((SELECT coalesce(max(c.event_id), 0) FROM audit_checkpoints c"
                                + " WHERE c.chain = ch.chain), (SELECT coalesce(min(y.id), 9223372036854775807)"
                                + " FROM audit_events y WHERE y.chain = ch.chain AND y.occurred_at >= ?),"
                                + " (SELECT coalesce(min(y.id), 9223372036854775807) FROM legal_holds h"
                                + " JOIN audit_events y ON y.school_urn = h.target_id AND y.chain = ch.chain"
                                + " WHERE h.lifted_at IS NULL AND h.target_type = 'SCHOOL'),"
                                + " (SELECT coalesce(min(y.id), 9223372036854775807) FROM legal_holds h"
                                + " JOIN audit_events y ON y.target_type = 'adult' AND y.target_id = h.target_id"
                                + " AND y.chain = ch.chain WHERE h.lifted_at IS NULL AND h.target_type = 'ADULT'))"
                                + " AS upto FROM (VALUES ('WRITE'), ('READ')) ch (chain))"
                                + " SELECT e.id::text, e.hash FROM audit_events e JOIN b ON b.chain = e.chain"
                                + " WHERE e.id < b.upto ORDER BY e.id",
                        List.of("DELETE FROM audit_events WHERE id = ANY(?::bigint[])")));
    }

    /** One run over every class; a dry run writes nothing and lists the first records that would go. */
    public RunView run(boolean dryRun) {
        LocalDate today = time.today();
        Map<RecordClass, RetentionRule> periods = rules.rules();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Disposed> certificate = new ArrayList<>();
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
            int count = 0;
            if (dryRun) {
                List<String[]> due = QuarkusTransaction.requiringNew()
                        .call(() -> sql.list(
                                "read records due for disposal",
                                step.candidates(),
                                r -> new String[] {r.string(1), r.string(2)},
                                cutoff));
                count = due.size();
                for (String[] d : due) {
                    if (certificate.size() < SHOWN_IN_DRY_RUN) {
                        certificate.add(new Disposed(step.recordClass(), d[0], d[1], step.action()));
                    }
                }
            } else {
                while (true) {
                    List<String[]> batch = QuarkusTransaction.requiringNew().call(() -> {
                        locks.lock(AdvisoryLocks.Lock.DISPOSAL);
                        sql.list("allow disposal", "SELECT set_config('smp.disposal', 'on', true)", r -> true);
                        List<String[]> due = sql.list(
                                "read records due for disposal",
                                step.candidates() + " LIMIT ?",
                                r -> new String[] {r.string(1), r.string(2)},
                                cutoff,
                                BATCH);
                        if (!due.isEmpty()) {
                            Object ids = due.stream().map(d -> d[0]).toArray(String[]::new);
                            List<Object[]> lastPerChain = step.recordClass() == RecordClass.AUDIT_EVENT
                                    ? sql.list(
                                            "read the last audit event disposed of per chain",
                                            "SELECT DISTINCT ON (chain) chain, id, hash FROM audit_events"
                                                    + " WHERE id = ANY(?::bigint[]) ORDER BY chain, id DESC",
                                            r -> new Object[] {r.string(1), r.longValue(2), r.string(3)},
                                            ids)
                                    : List.of();
                            for (String statement : step.dispose()) {
                                sql.update("dispose of records", statement, ids);
                            }
                            // in the same transaction: a signed record of what left each chain (ADR 0018)
                            for (Object[] last : lastPerChain) {
                                chain.recordDisposal((String) last[0], (Long) last[1], (String) last[2]);
                            }
                        }
                        return due;
                    });
                    count += batch.size();
                    batch.forEach(d -> certificate.add(new Disposed(step.recordClass(), d[0], d[1], step.action())));
                    if (batch.size() < BATCH) {
                        break;
                    }
                }
            }
            counts.put(step.recordClass().name(), count);
        }
        Instant now = time.now();
        if (dryRun) {
            return new RunView(null, true, now, counts, certificate);
        }
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                sql.update(
                        "record a disposal run",
                        "INSERT INTO disposal_runs (id, ran_at, counts, certificate) VALUES (?, ?, ?::jsonb, ?::jsonb)",
                        id,
                        now,
                        json.writeValueAsString(counts),
                        json.writeValueAsString(certificate));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            audit.record(new AuditEntry(
                    "retention.disposed",
                    "disposal-run",
                    id.toString(),
                    null,
                    counts.entrySet().stream()
                            .filter(e -> e.getValue() > 0)
                            .map(Map.Entry::getKey)
                            .toList()));
        });
        chain.checkpoint();
        return new RunView(id, false, now, counts, certificate);
    }

    public RunView get(UUID id) {
        return sql.first(
                        "read a disposal run",
                        "SELECT ran_at, counts::text, certificate::text FROM disposal_runs WHERE id = ?",
                        r -> {
                            try {
                                return new RunView(
                                        id,
                                        false,
                                        r.instant(1),
                                        json.readValue(
                                                r.string(2),
                                                new com.fasterxml.jackson.core.type.TypeReference<
                                                        Map<String, Integer>>() {}),
                                        json.readValue(
                                                r.string(3),
                                                new com.fasterxml.jackson.core.type.TypeReference<
                                                        List<Disposed>>() {}));
                            } catch (JsonProcessingException e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        id)
                .orElseThrow(() -> new ResourceNotFoundException("No disposal run " + id + "."));
    }
}
