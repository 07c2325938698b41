package org.schooltrust.smp.retention;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** Retention's settings (README, Configuration); defaults are in application.properties, once. */
@ConfigMapping(prefix = "smp.retention")
public interface RetentionConfig {

    /** Whether the nightly disposal job runs (SMP_RETENTION_ENABLED). */
    boolean enabled();

    /** When it runs (SMP_RETENTION_DISPOSAL_CRON). */
    String disposalCron();

    /** How long a confirmed change that destroys records sooner waits before it applies (SMP_RETENTION_NOTICE_PERIOD). */
    Duration noticePeriod();
}
