package org.schooltrust.smp.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.schooltrust.smp.common.error.TooManyRequestsException;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.common.web.TokenBuckets;

/**
 * A token bucket per client on the feed (issue 25, item 5): {@code SMP_EVENTS_FEED_BURST} reads at once, refilled at
 * {@code SMP_EVENTS_FEED_RATE} a second; beyond it a read is 429 with {@code Retry-After} ({@link TokenBuckets}).
 */
@ApplicationScoped
class FeedRateLimit {

    @Inject
    TimeSource time;

    private volatile TokenBuckets buckets;

    @Inject
    FeedRateLimit(EventsConfig config) {
        this.buckets = new TokenBuckets(config.feedRate(), config.feedBurst());
    }

    /** Sets the limits, returning the previous {@code {perSecond, burst}}; tests only (the config sets them). */
    double[] limits(double perSecond, int burst) {
        double[] previous = {buckets.perSecond(), buckets.burst()};
        buckets = new TokenBuckets(perSecond, burst);
        return previous;
    }

    /** Takes one read for the client, or throws 429 saying when the next one is allowed. */
    void take(String client) {
        TokenBuckets current = buckets;
        current.take(client, time.now()).ifPresent(wait -> {
            throw new TooManyRequestsException(
                    "Too many feed reads: at most " + current.burst() + " at once, then " + current.perSecond()
                            + " a second. Wait, then read again from the same cursor.",
                    wait);
        });
    }
}
