package org.schooltrust.smp.audit;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.schooltrust.smp.common.db.AdvisoryLocks;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.text.Sha256;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.common.web.RequestIds;

/**
 * The audit trail: appends entries in the caller's transaction (so an entry exists exactly when its change commits).
 * Each entry's hash chains it to the previous one; appends are serialised by a transaction-scoped advisory lock so the
 * chain has no forks. Nothing updates or deletes audit rows (a trigger refuses it). Changes come through the change
 * log ({@code change/ChangeLog}), which also publishes them; human reads come here directly ({@link #recordReads}).
 * It knows nothing of the event feed.
 */
@ApplicationScoped
public class AuditLog {

    /**
     * The chains: changes; human reads (which must never stall a change); and the records acts — retention rules,
     * holds and their changes, disposals, subject-access exports — kept for the longest retention period of any class,
     * so the proof of what was kept, destroyed and disclosed outlives every record it speaks of (issue 24).
     */
    enum Chain {
        WRITE(AdvisoryLocks.Lock.AUDIT_CHAIN),
        READ(AdvisoryLocks.Lock.AUDIT_READ_CHAIN),
        RECORDS(AdvisoryLocks.Lock.AUDIT_RECORDS_CHAIN);

        final AdvisoryLocks.Lock lock;

        Chain(AdvisoryLocks.Lock lock) {
            this.lock = lock;
        }

        /** The hash of an event of this chain (each chain but WRITE salts the link with its name). */
        String hash(String previous, Instant at, Actor actor, AuditEntry entry) {
            return this == WRITE
                    ? AuditLog.hash(previous, at, actor, entry)
                    : AuditLog.hash(name() + "\n" + (previous == null ? "" : previous), at, actor, entry);
        }
    }

    /** Whether the action is a records act, kept in the {@link Chain#RECORDS} chain. */
    static boolean recordsAct(String action) {
        return action.startsWith("retention")
                || action.startsWith("legal-hold.")
                || action.startsWith("subject-access.");
    }

    @Inject
    TimeSource time;

    @Inject
    AuditConfig config;

    @Inject
    AuditStore store;

    @Inject
    Caller caller;

    @Inject
    AdvisoryLocks locks;

    @Inject
    RequestIds requestIds;

    /**
     * Appends changes at {@code now}, in the caller's transaction. Only the change log calls this ({@code
     * change/ChangeLog}, which also publishes them; ConventionsTest): a feature records a change there.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(List<AuditEntry> entries, Instant now) {
        Actor actor = currentActor();
        // always WRITE before RECORDS, so two appenders never wait for each other in opposite orders
        append(
                Chain.WRITE,
                entries.stream().filter(e -> !recordsAct(e.action())).toList(),
                actor,
                now);
        append(
                Chain.RECORDS,
                entries.stream().filter(e -> recordsAct(e.action())).toList(),
                actor,
                now);
    }

    /**
     * Human reads: appended to the read chain, under its own lock, so a list of 1,000 declarations read by a Head
     * never holds up a change anywhere in the Trust. A read of the same record with the same action by the same
     * caller within {@code smp.audit.read-dedupe-window} is already on record and is not appended again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordReads(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Actor actor = currentActor();
        Instant now = time.now();
        Set<String> recent = store.recentReads(
                actor.subject(),
                entries.stream().map(AuditEntry::targetType).distinct().toArray(String[]::new),
                entries.stream().map(AuditEntry::targetId).distinct().toArray(String[]::new),
                now.minus(config.readDedupeWindow()));
        List<AuditEntry> fresh = entries.stream()
                .filter(e -> !recent.contains(e.action() + " " + e.targetType() + " " + e.targetId()))
                .toList();
        append(Chain.READ, fresh, actor, now);
    }

    private void append(Chain chain, List<AuditEntry> entries, Actor actor, Instant now) {
        if (entries.isEmpty()) {
            return;
        }
        locks.lock(chain.lock);
        String previous = store.head(chain).orElse(null);
        String[] roles = actor.roles().toArray(String[]::new);
        List<Object[]> rows = new ArrayList<>();
        for (AuditEntry entry : entries) {
            String hash = chain.hash(previous, now, actor, entry);
            rows.add(new Object[] {
                now,
                actor.subject(),
                roles,
                actor.clientId(),
                entry.action(),
                entry.targetType(),
                entry.targetId(),
                entry.schoolUrn(),
                actor.requestId(),
                entry.changedFields().toArray(String[]::new),
                previous,
                hash,
                chain
            });
            previous = hash;
        }
        store.append(rows);
    }

    private Actor currentActor() {
        String requestId = requestIds.current().orElse(null);
        if (Arc.container().requestContext().isActive()) {
            return new Actor(
                    caller.subject(), caller.roleNames(), caller.clientId().orElse(null), requestId);
        }
        return new Actor("system", List.of(), null, requestId);
    }

    static String hash(String previous, Instant at, Actor actor, AuditEntry entry) {
        String canonical = String.join(
                "\n",
                previous == null ? "" : previous,
                at.toString(),
                actor.subject(),
                String.join(",", actor.roles()),
                nullToEmpty(actor.clientId()),
                entry.action(),
                entry.targetType(),
                entry.targetId(),
                nullToEmpty(entry.schoolUrn()),
                nullToEmpty(actor.requestId()),
                String.join(",", entry.changedFields()));
        return Sha256.hex(canonical);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    record Actor(String subject, List<String> roles, String clientId, String requestId) {}
}
