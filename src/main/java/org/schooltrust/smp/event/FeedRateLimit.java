package org.schooltrust.smp.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.schooltrust.smp.common.error.TooManyRequestsException;
import org.schooltrust.smp.common.time.TimeSource;

/**
 * A token bucket per client on the feed (issue 25, item 5): {@code SMP_EVENTS_FEED_BURST} reads at once, refilled at
 * {@code SMP_EVENTS_FEED_RATE} a second; beyond it a read is 429 with {@code Retry-After}. Kept in memory per replica
 * (ADR 0014): a limit on cost, not a quota, so N replicas allow up to N times the rate. Time comes from the one
 * clock.
 */
@ApplicationScoped
class FeedRateLimit {

    /** Idle buckets are forgotten once there are this many clients. */
    private static final int MAX_CLIENTS = 10_000;

    @ConfigProperty(name = "smp.events.feed-rate")
    double perSecond;

    @ConfigProperty(name = "smp.events.feed-burst")
    int burst;

    @Inject
    TimeSource time;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Tokens as of {@code at}. */
    record Bucket(double tokens, Instant at) {

        Bucket refilled(Instant now, double perSecond, int burst) {
            double seconds = Math.max(0, Duration.between(at, now).toNanos() / 1e9);
            return new Bucket(Math.min(burst, tokens + seconds * perSecond), now.isAfter(at) ? now : at);
        }
    }

    /** Sets the limits, returning the previous {@code {perSecond, burst}}; tests only (the config sets them). */
    double[] limits(double perSecond, int burst) {
        double[] previous = {this.perSecond, this.burst};
        this.perSecond = perSecond;
        this.burst = burst;
        buckets.clear();
        return previous;
    }

    /** Takes one read for the client, or throws 429 saying when the next one is allowed. */
    void take(String client) {
        Instant now = time.now();
        if (buckets.size() > MAX_CLIENTS) {
            buckets.values().removeIf(b -> b.refilled(now, perSecond, burst).tokens() >= burst);
        }
        boolean[] took = {false};
        Bucket after = buckets.compute(client, (key, bucket) -> {
            Bucket current = bucket == null ? new Bucket(burst, now) : bucket.refilled(now, perSecond, burst);
            took[0] = current.tokens() >= 1;
            return took[0] ? new Bucket(current.tokens() - 1, current.at()) : current;
        });
        if (!took[0]) {
            throw new TooManyRequestsException(
                    "Too many feed reads: at most " + burst + " at once, then " + perSecond
                            + " a second. Wait, then read again from the same cursor.",
                    Duration.ofMillis((long) Math.ceil((1 - after.tokens()) / perSecond * 1000)));
        }
    }
}
