package org.schooltrust.smp.common.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at {@code perSecond}. Kept in memory per replica
 * (ADR 0014): a limit on cost, not a quota, so N replicas allow up to N times the rate. The caller passes the time (the
 * one clock) and turns a refusal into its 429.
 */
public final class TokenBuckets {

    /** Idle buckets are forgotten once there are this many clients. */
    private static final int MAX_CLIENTS = 10_000;

    private final double perSecond;
    private final int burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(double perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    public double perSecond() {
        return perSecond;
    }

    public int burst() {
        return burst;
    }

    /** Tokens as of {@code at}. */
    record Bucket(double tokens, Instant at) {

        Bucket refilled(Instant now, double perSecond, int burst) {
            double seconds = Math.max(0, Duration.between(at, now).toNanos() / 1e9);
            return new Bucket(Math.min(burst, tokens + seconds * perSecond), now.isAfter(at) ? now : at);
        }
    }

    /** Takes one request for the client; when none is left, how long until the next one is allowed. */
    public Optional<Duration> take(String client, Instant now) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.values().removeIf(b -> b.refilled(now, perSecond, burst).tokens() >= burst);
        }
        boolean[] took = {false};
        Bucket after = buckets.compute(client, (key, bucket) -> {
            Bucket current = bucket == null ? new Bucket(burst, now) : bucket.refilled(now, perSecond, burst);
            took[0] = current.tokens() >= 1;
            return took[0] ? new Bucket(current.tokens() - 1, current.at()) : current;
        });
        return took[0]
                ? Optional.empty()
                : Optional.of(Duration.ofMillis((long) Math.ceil((1 - after.tokens()) / perSecond * 1000)));
    }
}
