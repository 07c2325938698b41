package org.schooltrust.smp.support;

import io.quarkus.arc.Arc;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The test application's {@link Clock}: the system clock, moved by an offset a test sets. Tests move time with
 * {@link #advance} instead of back-dating rows, and put it back with {@link #reset} (the application is shared by
 * every test class, so a test that moves time must reset it in a {@code finally} or {@code @AfterEach}).
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** The clock bean of the running test application. */
    public static TestClock get() {
        return Arc.container().instance(TestClock.class).get();
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
