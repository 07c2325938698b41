package org.schooltrust.smp.event;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** The event feed's settings (README, Configuration); defaults are in application.properties, once. */
@ConfigMapping(prefix = "smp.events")
public interface EventsConfig {

    /** How long events are kept (SMP_EVENTS_RETENTION). */
    Duration retention();

    /** How often events past it are swept. */
    String retentionSweep();

    /** Feed reads a second per client, after the burst (SMP_EVENTS_FEED_RATE). */
    double feedRate();

    /** Feed reads one client may make at once (SMP_EVENTS_FEED_BURST). */
    int feedBurst();
}
