package org.schooltrust.smp.common.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Successful token verifications, kept briefly so a client that presents the same token again is not verified again
 * (issue 26, ADR 0021). The rules, with no framework in them:
 *
 * <ul>
 *   <li>an entry is keyed by the token's SHA-256, never the token, and lives until {@code min(exp − skew, now +
 *       maxAge)};
 *   <li>every hit re-checks the token's own {@code exp} and {@code nbf} against the clock: a token past its expiry is
 *       refused at once, whatever the entry says;
 *   <li>when the cache is full, expired entries are swept (at most once a second); if it is still full the
 *       verification is simply not kept — the cache is never cleared to make room;
 *   <li>it is emptied when a token signed by a key it has not seen verifies (the signing-key set changed);
 *   <li>an adult's entries go when HR deactivates them.
 * </ul>
 *
 * <p>It holds verification only: roles and the register are still decided on every request.
 */
public final class VerifiedTokenCache<V> {

    /** What a lookup found. */
    public enum Outcome {
        /** A live entry: the token verified before and is still within its lifetime. */
        HIT,
        /** No entry (or one past its cache lifetime): verify the token. */
        MISS,
        /** The token is past its {@code exp} (or before its {@code nbf}): refuse it without verifying. */
        REFUSED
    }

    public record Lookup<V>(Outcome outcome, V value) {}

    /** What one verification was: the token's validity, the key that signed it and the adult it names, if any. */
    public record Verified<V>(V value, Instant expiresAt, Instant notBefore, String keyId, StaffKey staffKey) {}

    private record Entry<V>(Verified<V> verified, Instant until) {}

    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Set<String> keyIds = ConcurrentHashMap.newKeySet();
    private final int maxEntries;
    private final Duration maxAge;
    private final Duration skew;
    private final AtomicLong lastSweep = new AtomicLong(Long.MIN_VALUE);

    public VerifiedTokenCache(int maxEntries, Duration maxAge, Duration skew) {
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
        this.skew = skew;
    }

    public Lookup<V> find(String tokenHash, Instant now) {
        Entry<V> entry = entries.get(tokenHash);
        if (entry == null) {
            return new Lookup<>(Outcome.MISS, null);
        }
        Verified<V> verified = entry.verified();
        if (!now.isBefore(verified.expiresAt())
                || (verified.notBefore() != null && now.isBefore(verified.notBefore()))) {
            entries.remove(tokenHash, entry);
            return new Lookup<>(Outcome.REFUSED, null);
        }
        if (!now.isBefore(entry.until())) {
            entries.remove(tokenHash, entry);
            return new Lookup<>(Outcome.MISS, null);
        }
        return new Lookup<>(Outcome.HIT, verified.value());
    }

    /**
     * Keeps a verification; false when it was not kept (it would live no time, or the cache is full). A key id not
     * seen before empties the cache first.
     */
    public boolean remember(String tokenHash, Verified<V> verified, Instant now) {
        String keyId = verified.keyId() == null ? "" : verified.keyId();
        if (!keyIds.contains(keyId)) {
            if (!keyIds.isEmpty()) {
                entries.clear();
            }
            keyIds.add(keyId);
        }
        Instant until = verified.expiresAt().minus(skew);
        Instant latest = now.plus(maxAge);
        if (latest.isBefore(until)) {
            until = latest;
        }
        if (!now.isBefore(until)) {
            return false;
        }
        if (entries.size() >= maxEntries && !entries.containsKey(tokenHash)) {
            sweep(now);
            if (entries.size() >= maxEntries) {
                return false;
            }
        }
        entries.put(tokenHash, new Entry<>(verified, until));
        return true;
    }

    /** Drops the entries of tokens naming any of these adults. */
    public int forget(Collection<StaffKey> adults) {
        int before = entries.size();
        entries.values()
                .removeIf(e -> e.verified().staffKey() != null
                        && adults.contains(e.verified().staffKey()));
        return before - entries.size();
    }

    public int size() {
        return entries.size();
    }

    private void sweep(Instant now) {
        long last = lastSweep.get();
        long nowMillis = now.toEpochMilli();
        if (last != Long.MIN_VALUE && nowMillis - last < 1000 || !lastSweep.compareAndSet(last, nowMillis)) {
            return;
        }
        entries.values().removeIf(e -> !now.isBefore(e.until()));
    }
}
