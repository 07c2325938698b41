package org.schooltrust.smp.audit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;
import org.schooltrust.smp.audit.AuditLog.Actor;
import org.schooltrust.smp.audit.AuditViews.ChainCheck;
import org.schooltrust.smp.audit.AuditViews.Verification;
import org.schooltrust.smp.common.db.AdvisoryLocks;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.common.time.TimeSource;

/**
 * Proves the audit trail untouched (ADR 0018): recomputes each chain's hashes and links, and checks them against
 * checkpoints — a chain head signed with HMAC-SHA256 under a key the database never holds ({@code
 * SMP_AUDIT_CHECKPOINT_KEY} or the file {@code SMP_AUDIT_CHECKPOINT_KEY_FILE}). Someone with the database credentials
 * can rewrite rows and recompute every hash, but cannot sign a checkpoint for the rewritten chain.
 */
@ApplicationScoped
public class AuditChain {

    private static final Logger LOG = Logger.getLogger(AuditChain.class);
    private static final int BATCH = 5000;

    @Inject
    AuditConfig config;

    /** The configured key; fields so a test can take it away ({@link #replaceKeyForTests}). */
    Optional<String> keyValue;

    Optional<String> keyFile;

    java.time.Duration every;

    @jakarta.annotation.PostConstruct
    void configure() {
        keyValue = config.checkpointKey();
        keyFile = config.checkpointKeyFile();
        every = config.checkpointEvery();
    }

    @Inject
    AuditChainStore store;

    @Inject
    TimeSource time;

    @Inject
    AdvisoryLocks locks;
    /** Each checkpoint, for the change log to publish (audit does not know the event feed). */
    @Inject
    jakarta.enterprise.event.Event<AuditCheckpointed> checkpointed;

    @Scheduled(
            every = "${smp.audit.checkpoint-every}",
            delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (key().isEmpty()) {
            LOG.warn("no SMP_AUDIT_CHECKPOINT_KEY: audit checkpoints are not written, and a rewritten chain cannot be"
                    + " told from the original");
            return;
        }
        checkpoint();
    }

    /** A signed checkpoint as stored; {@code sequence} is null for a checkpoint written before chaining (V22). */
    record Checkpoint(
            Long sequence,
            long eventId,
            String eventHash,
            Instant signedAt,
            String previous,
            Long disposedThrough,
            String disposedHash,
            String signature) {

        /** What the signature covers. */
        String payload(String chain) {
            if (sequence == null) {
                return String.join("\n", chain, Long.toString(eventId), eventHash, signedAt.toString());
            }
            return String.join(
                    "\n",
                    "v2",
                    chain,
                    Long.toString(sequence),
                    Long.toString(eventId),
                    eventHash,
                    signedAt.toString(),
                    previous == null ? "" : previous,
                    disposedThrough == null ? "" : Long.toString(disposedThrough),
                    disposedHash == null ? "" : disposedHash);
        }

        boolean signedWith(byte[] key, String chain) {
            return MessageDigest.isEqual(
                    mac(key, payload(chain)).getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.US_ASCII));
        }
    }

    static final String CHECKPOINT_COLUMNS = "sequence, event_id, event_hash, signed_at, previous_signature,"
            + " disposed_through, disposed_hash, signature";

    static Checkpoint checkpointOf(Sql.Row r) throws java.sql.SQLException {
        return new Checkpoint(
                r.nullableLong(1),
                r.longValue(2),
                r.string(3),
                r.instant(4),
                r.string(5),
                r.nullableLong(6),
                r.string(7),
                r.string(8));
    }

    /** Whether checkpoints can be signed: without a key the trail is unanchored. */
    public boolean anchored() {
        return key().isPresent();
    }

    /**
     * Signs the head of each chain when it changed, or when the last checkpoint is older than the interval (a
     * heartbeat, so a verify can ask for a recent one); returns how many were written (none without a key).
     */
    @Transactional
    public int checkpoint() {
        Optional<byte[]> key = key();
        if (key.isEmpty() || !locks.tryLock(AdvisoryLocks.Lock.AUDIT_CHECKPOINT)) {
            return 0;
        }
        Instant now = time.now();
        int written = 0;
        for (AuditLog.Chain chain : AuditLog.Chain.values()) {
            Optional<Object[]> head = head(chain);
            if (head.isEmpty()) {
                continue;
            }
            Optional<Checkpoint> last = latest(chain);
            long id = (Long) head.get()[0];
            boolean current = last.isPresent()
                    && last.get().eventId() == id
                    && last.get().signedAt().isAfter(now.minus(every));
            if (!current) {
                write(key.get(), chain, head.get(), last, null, null, now);
                written++;
            }
        }
        return written;
    }

    /**
     * Records in the caller's transaction — the one that deleted them — that the events of {@code chain} up to and
     * including {@code through} (whose hash was {@code hash}) were disposed of: a signed checkpoint, so the chain's
     * new first event is known to follow a disposal and not a removal.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordDisposal(String chainName, long through, String hash) {
        AuditLog.Chain chain = AuditLog.Chain.valueOf(chainName);
        byte[] key = key().orElseThrow(() -> new IllegalStateException("audit disposal needs a checkpoint key"));
        locks.lock(AdvisoryLocks.Lock.AUDIT_CHECKPOINT);
        Object[] head = head(chain).orElse(new Object[] {through, hash});
        write(key, chain, head, latest(chain), through, hash, time.now());
    }

    private Optional<Object[]> head(AuditLog.Chain chain) {
        return store.head(chain);
    }

    private Optional<Checkpoint> latest(AuditLog.Chain chain) {
        return store.latest(chain);
    }

    private void write(
            byte[] key,
            AuditLog.Chain chain,
            Object[] head,
            Optional<Checkpoint> last,
            Long disposedThrough,
            String disposedHash,
            Instant now) {
        // a disposal checkpoint carries the disposal forward: later checkpoints repeat the greatest one recorded
        Long through = disposedThrough != null
                ? disposedThrough
                : last.map(Checkpoint::disposedThrough).orElse(null);
        String throughHash = disposedThrough != null
                ? disposedHash
                : last.map(Checkpoint::disposedHash).orElse(null);
        if (last.isEmpty() && through == null) {
            // the first chained checkpoint of a trail disposed of before chaining (V22): it starts from where the
            // chain starts today, which it could not prove but records from now on
            Optional<Object[]> start = store.firstEvent(chain);
            if (start.isPresent() && start.get()[1] != null) {
                through = (Long) start.get()[0] - 1;
                throughHash = (String) start.get()[1];
            }
        }
        Checkpoint next = new Checkpoint(
                last.map(c -> c.sequence() + 1).orElse(1L),
                (Long) head[0],
                (String) head[1],
                now,
                last.map(Checkpoint::signature).orElse(null),
                through,
                throughHash,
                null);
        String signature = mac(key, next.payload(chain.name()));
        store.insertCheckpoint(chain, next, now, through, throughHash, signature);
        // off the database as well: the log, and an event every trust-admin feed and webhook consumer keeps
        LOG.infof(
                "audit checkpoint %s #%d: event %d hash %s disposed-through %s signature %s",
                chain, next.sequence(), next.eventId(), next.eventHash(), through, signature);
        Map<String, String> refs = new java.util.HashMap<>();
        refs.put("sequence", Long.toString(next.sequence()));
        refs.put("eventId", Long.toString(next.eventId()));
        refs.put("eventHash", next.eventHash());
        refs.put("signature", signature);
        if (through != null) {
            refs.put("disposedThrough", Long.toString(through));
        }
        checkpointed.fire(new AuditCheckpointed(
                new AuditEntry(AuditAction.CHECKPOINTED, "audit-chain", chain.name(), null, List.of()).withRefs(refs),
                now));
    }

    /**
     * Recomputes both chains over the events from {@code from} to {@code to} (either open) and their checkpoints.
     * Without a key the answer is {@code UNANCHORED}, never ok: a fully recomputed chain cannot be told apart.
     */
    @Transactional
    public Verification verify(Instant from, Instant to) {
        List<ChainCheck> chains = new ArrayList<>();
        for (AuditLog.Chain chain : AuditLog.Chain.values()) {
            chains.add(verify(chain, from, to));
        }
        boolean intact = chains.stream().allMatch(c -> c.reason() == null);
        boolean anchored = key().isPresent();
        String status = !intact ? "BROKEN" : anchored ? "VERIFIED" : "UNANCHORED";
        return new Verification(intact && anchored, status, from, to, anchored, chains);
    }

    private ChainCheck verify(AuditLog.Chain chain, Instant from, Instant to) {
        Optional<byte[]> key = key();
        List<Checkpoint> stored = store.checkpoints(chain);
        // the checkpoints themselves: signatures, then the chained ones' sequence and links
        Map<Long, String> signed = new HashMap<>();
        int badSignatures = 0;
        String checkpointProblem = null;
        Long problemEvent = null;
        Checkpoint previous = null;
        Long disposedThrough = null;
        String disposedHash = null;
        Instant newest = null;
        // without a key nothing about the checkpoints can be known: only the hashes are recomputed (UNANCHORED)
        for (Checkpoint c : key.isPresent() ? stored : List.<Checkpoint>of()) {
            boolean valid = c.signedWith(key.get(), chain.name());
            if (!valid) {
                badSignatures++;
                if (checkpointProblem == null) {
                    checkpointProblem =
                            "a checkpoint's signature does not verify with the service's key (forged or altered)";
                    problemEvent = c.eventId();
                }
                continue;
            }
            signed.merge(c.eventId(), c.eventHash(), (a, b) -> a);
            if (c.sequence() == null) {
                continue;
            }
            long expected = previous == null ? 1 : previous.sequence() + 1;
            boolean linked = previous == null
                    ? c.previous() == null
                    : previous.signature().equals(c.previous());
            if (checkpointProblem == null && (c.sequence() != expected || !linked)) {
                checkpointProblem = "checkpoint " + expected + " is missing or was replaced (the signed sequence"
                        + " breaks at " + c.sequence() + ")";
                problemEvent = c.eventId();
            }
            previous = c;
            newest = c.signedAt();
            if (c.disposedThrough() != null && (disposedThrough == null || c.disposedThrough() > disposedThrough)) {
                disposedThrough = c.disposedThrough();
                disposedHash = c.disposedHash();
            }
        }
        boolean whole = from == null && to == null;
        long checked = 0;
        long after = 0;
        String prior = null;
        boolean first = true;
        long checkpointsMatched = 0;
        java.util.Set<Long> seen = new java.util.HashSet<>();
        while (true) {
            List<Row> rows = store.events(chain, after, from, to, BATCH);
            for (Row row : rows) {
                String reason = null;
                if (first) {
                    first = false;
                    prior = row.prevHash; // a range starts where it starts: its first link is taken as given
                    if (whole && key.isPresent() && !java.util.Objects.equals(row.prevHash, disposedHash)) {
                        reason = disposedHash == null
                                ? "the chain's first event follows events that are not there, and no signed"
                                        + " disposal removed them (a prefix was deleted)"
                                : "the chain's first event does not follow the last event the signed disposal"
                                        + " removed (more was deleted than was disposed of)";
                    }
                }
                if (reason == null && !java.util.Objects.equals(prior, row.prevHash)) {
                    reason = "its previous hash does not match the event before it (an event was removed or altered)";
                } else if (reason == null) {
                    String expected = chain.hash(prior, row.at, row.actor, row.entry);
                    if (!expected.equals(row.hash)) {
                        reason = "its hash does not match its content (the event was altered)";
                    }
                }
                String signedHash = signed.get(row.id);
                if (reason == null && signedHash != null) {
                    seen.add(row.id);
                    if (signedHash.equals(row.hash)) {
                        checkpointsMatched++;
                    } else {
                        reason = "it differs from the signed checkpoint of " + row.id
                                + " (the chain was rewritten and its hashes recomputed)";
                    }
                }
                checked++;
                if (reason != null) {
                    return new ChainCheck(chain.name(), checked, row.id, reason, checkpointsMatched, badSignatures);
                }
                prior = row.hash;
                after = row.id;
            }
            if (rows.size() < BATCH) {
                break;
            }
        }
        if (checkpointProblem != null) {
            return new ChainCheck(
                    chain.name(), checked, problemEvent, checkpointProblem, checkpointsMatched, badSignatures);
        }
        if (whole) {
            Long through = disposedThrough;
            Optional<Long> missing = signed.keySet().stream()
                    .filter(id -> (through == null || id > through) && !seen.contains(id))
                    .min(Long::compare);
            if (missing.isPresent()) {
                return new ChainCheck(
                        chain.name(),
                        checked,
                        missing.get(),
                        "a checkpointed event is missing (removed, or the chain's tail was cut)",
                        checkpointsMatched,
                        badSignatures);
            }
            Instant stale = time.now().minus(every.multipliedBy(2));
            if (key.isPresent() && checked > 0 && (newest == null || newest.isBefore(stale))) {
                return new ChainCheck(
                        chain.name(),
                        checked,
                        null,
                        "no checkpoint was signed in the last " + every.multipliedBy(2)
                                + " (checkpoints stopped, or the newest were removed with the events after them)",
                        checkpointsMatched,
                        badSignatures);
            }
        }
        return new ChainCheck(chain.name(), checked, null, null, checkpointsMatched, 0);
    }

    record Row(long id, Instant at, Actor actor, AuditEntry entry, String prevHash, String hash) {
        static Row of(Sql.Row r) throws java.sql.SQLException {
            return new Row(
                    r.longValue(1),
                    r.instant(2),
                    new Actor(r.string(3), r.strings(4), r.string(5), r.string(10)),
                    new AuditEntry(r.string(6), r.string(7), r.string(8), r.string(9), r.strings(11), Map.of()),
                    r.string(12),
                    r.string(13));
        }
    }

    /** Replaces the configured key, returning the previous one; tests only (the configuration sets it). */
    Optional<String> replaceKeyForTests(Optional<String> value) {
        Optional<String> previous = keyValue;
        keyValue = value;
        keyFile = Optional.empty();
        return previous;
    }

    private Optional<byte[]> key() {
        Optional<String> text = keyValue.filter(k -> !k.isBlank());
        if (text.isEmpty() && keyFile.filter(f -> !f.isBlank()).isPresent()) {
            try {
                text = Optional.of(Files.readString(Path.of(keyFile.get())).strip());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("SMP_AUDIT_CHECKPOINT_KEY_FILE cannot be read", e);
            }
        }
        return text.map(t -> {
            try {
                return Base64.getDecoder().decode(t);
            } catch (IllegalArgumentException e) {
                return t.getBytes(StandardCharsets.UTF_8);
            }
        });
    }

    static String mac(byte[] key, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
