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
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    @ConfigProperty(name = "smp.audit.checkpoint-key")
    Optional<String> keyValue;

    @ConfigProperty(name = "smp.audit.checkpoint-key-file")
    Optional<String> keyFile;

    @Inject
    Sql sql;

    @Inject
    TimeSource time;

    @Inject
    AdvisoryLocks locks;

    @Scheduled(
            every = "${smp.audit.checkpoint-every:1h}",
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

    /** Signs the head of each chain; returns how many checkpoints were written (none without a key or new events). */
    @Transactional
    public int checkpoint() {
        Optional<byte[]> key = key();
        if (key.isEmpty() || !locks.tryLock(AdvisoryLocks.Lock.AUDIT_CHECKPOINT)) {
            return 0;
        }
        int written = 0;
        for (AuditLog.Chain chain : AuditLog.Chain.values()) {
            Optional<Object[]> head = sql.first(
                    "read an audit chain head",
                    "SELECT id, hash FROM audit_events WHERE chain = ? ORDER BY id DESC LIMIT 1",
                    r -> new Object[] {r.longValue(1), r.string(2)},
                    chain);
            if (head.isEmpty()) {
                continue;
            }
            long id = (Long) head.get()[0];
            boolean known = sql.first(
                            "read the last checkpoint",
                            "SELECT 1 FROM audit_checkpoints WHERE chain = ? AND event_id = ?",
                            r -> true,
                            chain,
                            id)
                    .isPresent();
            if (known) {
                continue;
            }
            Instant now = time.now();
            String hash = (String) head.get()[1];
            sql.update(
                    "write an audit checkpoint",
                    "INSERT INTO audit_checkpoints (chain, event_id, event_hash, signed_at, signature)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    chain,
                    id,
                    hash,
                    now,
                    sign(key.get(), chain.name(), id, hash, now));
            written++;
        }
        return written;
    }

    /** Recomputes both chains over the events from {@code from} to {@code to} (either open) and their checkpoints. */
    @Transactional
    public Verification verify(Instant from, Instant to) {
        List<ChainCheck> chains = new ArrayList<>();
        for (AuditLog.Chain chain : AuditLog.Chain.values()) {
            chains.add(verify(chain, from, to));
        }
        boolean ok = chains.stream().allMatch(c -> c.firstBrokenEventId() == null);
        return new Verification(ok, from, to, key().isPresent(), chains);
    }

    private ChainCheck verify(AuditLog.Chain chain, Instant from, Instant to) {
        long checked = 0;
        long after = 0;
        String previous = null;
        boolean first = true;
        Optional<byte[]> key = key();
        java.util.Map<Long, String> checkpoints = new java.util.HashMap<>();
        int badSignatures = 0;
        Long firstBadCheckpoint = null;
        for (Object[] c : sql.list(
                "read audit checkpoints",
                "SELECT event_id, event_hash, signed_at, signature FROM audit_checkpoints WHERE chain = ?"
                        + " ORDER BY event_id",
                r -> new Object[] {r.longValue(1), r.string(2), r.instant(3), r.string(4)},
                chain)) {
            long id = (Long) c[0];
            boolean valid = key.isPresent()
                    && MessageDigest.isEqual(
                            sign(key.get(), chain.name(), id, (String) c[1], (Instant) c[2])
                                    .getBytes(StandardCharsets.US_ASCII),
                            ((String) c[3]).getBytes(StandardCharsets.US_ASCII));
            if (valid) {
                checkpoints.put(id, (String) c[1]);
            } else {
                badSignatures++;
                if (firstBadCheckpoint == null) {
                    firstBadCheckpoint = id;
                }
            }
        }
        long checkpointsMatched = 0;
        while (true) {
            List<Row> rows = sql.list(
                    "read audit events to verify",
                    "SELECT id, occurred_at, actor_subject, actor_roles, client_id, action, target_type, target_id,"
                            + " school_urn, request_id, changed_fields, prev_hash, hash FROM audit_events"
                            + " WHERE chain = ? AND id > ? AND (?::timestamptz IS NULL OR occurred_at >= ?)"
                            + " AND (?::timestamptz IS NULL OR occurred_at <= ?) ORDER BY id LIMIT ?",
                    Row::of,
                    chain,
                    after,
                    from,
                    from,
                    to,
                    to,
                    BATCH);
            for (Row row : rows) {
                if (first) {
                    previous = row.prevHash; // the range starts where it starts: its first link is taken as given
                    first = false;
                }
                String reason = null;
                if (!java.util.Objects.equals(previous, row.prevHash)) {
                    reason = "its previous hash does not match the event before it (an event was removed or altered)";
                } else {
                    String expected = chain == AuditLog.Chain.READ
                            ? AuditLog.hash("READ\n" + (previous == null ? "" : previous), row.at, row.actor, row.entry)
                            : AuditLog.hash(previous, row.at, row.actor, row.entry);
                    if (!expected.equals(row.hash)) {
                        reason = "its hash does not match its content (the event was altered)";
                    }
                }
                String signed = checkpoints.get(row.id);
                if (reason == null && signed != null) {
                    if (signed.equals(row.hash)) {
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
                previous = row.hash;
                after = row.id;
            }
            if (rows.size() < BATCH) {
                break;
            }
        }
        if (firstBadCheckpoint != null) {
            return new ChainCheck(
                    chain.name(),
                    checked,
                    firstBadCheckpoint,
                    "a checkpoint's signature does not verify with the service's key (forged or altered)",
                    checkpointsMatched,
                    badSignatures);
        }
        return new ChainCheck(chain.name(), checked, null, null, checkpointsMatched, 0);
    }

    private record Row(long id, Instant at, Actor actor, AuditEntry entry, String prevHash, String hash) {
        static Row of(Sql.Row r) throws java.sql.SQLException {
            return new Row(
                    r.longValue(1),
                    r.instant(2),
                    new Actor(r.string(3), r.strings(4), r.string(5), r.string(10)),
                    new AuditEntry(r.string(6), r.string(7), r.string(8), r.string(9), r.strings(11)),
                    r.string(12),
                    r.string(13));
        }
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

    static String sign(byte[] key, String chain, long eventId, String hash, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of()
                    .formatHex(mac.doFinal(String.join("\n", chain, Long.toString(eventId), hash, at.toString())
                            .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
