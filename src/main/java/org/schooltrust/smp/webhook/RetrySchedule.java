package org.schooltrust.smp.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again (the Standard Webhooks / Svix schedule): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h,
 * 10 h after each failure, each stretched or shrunk by up to 10 % so that retries to one receiver do not arrive in
 * bursts. A {@code Retry-After} from a 429 or 503 replaces the scheduled delay (bounded to a day). After the eighth
 * attempt fails the delivery has failed; {@code redeliver} and {@code recover} can queue it again.
 */
final class RetrySchedule {

    static final List<Duration> DELAYS = List.of(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10));

    static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private RetrySchedule() {}

    /**
     * The time of the next attempt after attempt number {@code attempt} (1 for the first) failed at {@code now}, or
     * empty when none is left. {@code jitter} is a number in [0, 1) (random in production).
     */
    static Optional<Instant> next(int attempt, Instant now, Duration retryAfter, double jitter) {
        if (attempt < 1 || attempt > DELAYS.size()) {
            return Optional.empty();
        }
        if (retryAfter != null && !retryAfter.isNegative()) {
            Duration bounded = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
            return Optional.of(now.plus(bounded));
        }
        Duration delay = DELAYS.get(attempt - 1);
        long millis = Math.round(delay.toMillis() * (0.9 + 0.2 * jitter));
        return Optional.of(now.plusMillis(millis));
    }

    /** A {@code Retry-After} header in seconds (the HTTP-date form is not honoured: it depends on clocks agreeing). */
    static Duration retryAfter(String header) {
        if (header == null || !header.strip().matches("\\d{1,9}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.strip()));
    }
}
