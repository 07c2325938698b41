package org.schooltrust.smp.reminder;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * The reminder runs' settings (README, Configuration); defaults are in application.properties, once. The SMTP server's
 * ({@code smp.mail.*}) configure Quarkus' mailer and stay there.
 */
@ConfigMapping(prefix = "smp.reminders")
public interface ReminderConfig {

    /** Whether this deployment runs the scheduled reminder run (SMP_REMINDERS_ENABLED). */
    boolean enabled();

    /** When it runs (SMP_REMINDERS_CRON). */
    String cron();

    /** How often the email outbox is sent (SMP_REMINDERS_SEND_EVERY). */
    String sendEvery();

    /** Attempts before a message's email is given up as FAILED (SMP_REMINDERS_MAIL_MAX_ATTEMPTS). */
    int mailMaxAttempts();

    /** How long a claimed message is leased to one sender (SMP_REMINDERS_MAIL_LEASE). */
    Duration mailLease();
}
