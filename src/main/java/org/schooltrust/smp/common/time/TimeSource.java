package org.schooltrust.smp.common.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The one source of "now" (docs/architecture.md): every rule that depends on the time asks this bean, which reads an
 * injectable {@link Clock}. Production uses the system clock in UTC; tests replace the clock bean and move time
 * instead of back-dating rows.
 */
@ApplicationScoped
public class TimeSource {

    @Inject
    Clock clock;

    /** Now, to the microsecond PostgreSQL keeps, so a value read back equals the value written. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Today in UTC, the calendar every date rule of the policy uses. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * The time bearer tokens are judged by: the system clock, always, because the verifier that checks {@code exp} and
     * {@code nbf} (Quarkus OIDC) reads it. The verified-token cache must agree with the verifier, so it asks this, not
     * {@link #now()}; tests that move the application's clock do not expire their tokens.
     */
    public Instant tokenTime() {
        return Instant.now();
    }

    /**
     * Bean Validation's "now" ({@code @PastOrPresent} and the like) is the same clock, so a rule checked on input
     * agrees with the rules in the services when tests move time.
     */
    @Produces
    @Singleton
    static jakarta.validation.ClockProvider validationClock(Clock clock) {
        return () -> clock;
    }

    /** The system clock, unless a test supplies another {@link Clock} bean. */
    @Produces
    @Singleton
    @DefaultBean
    static Clock systemClock() {
        return Clock.systemUTC();
    }
}
