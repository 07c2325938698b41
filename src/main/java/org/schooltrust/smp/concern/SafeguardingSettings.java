package org.schooltrust.smp.concern;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Who is the Trust's safeguarding route (ADR 0024) and the abuse limits on concerns; each default written once. */
@ConfigMapping(prefix = "smp.safeguarding")
public interface SafeguardingSettings {

    /**
     * HR ids of the Trust's designated safeguarding leads ({@code SMP_SAFEGUARDING_TRUST_LEADS}, comma separated):
     * they are told of every concern routed to the Trust, and a {@code trust-dsl} token acts only for one of them.
     * Unset: nobody holds Trust authority (fail closed), and a concern routed to the Trust is logged as unanswered.
     */
    Optional<List<String>> trustLeads();

    /**
     * Concerns one adult may raise within {@link #raiseWindow()} ({@code SMP_SAFEGUARDING_RAISE_LIMIT}); one more is
     * 429 with {@code Retry-After}, and nothing is written. Enough for any real incident, not for burying real alerts.
     */
    @WithDefault("10")
    int raiseLimit();

    /** The window of {@link #raiseLimit()} ({@code SMP_SAFEGUARDING_RAISE_WINDOW}). */
    @WithDefault("PT1H")
    Duration raiseWindow();

    /**
     * Evidence bytes one adult may upload within {@link #evidenceWindow()} ({@code SMP_SAFEGUARDING_EVIDENCE_QUOTA});
     * a file that would pass it is 429 with {@code Retry-After}, and nothing is kept.
     */
    @WithDefault("100M")
    MemorySize evidenceQuota();

    /** The window of {@link #evidenceQuota()} ({@code SMP_SAFEGUARDING_EVIDENCE_WINDOW}). */
    @WithDefault("P1D")
    Duration evidenceWindow();

    /**
     * An adult's urgent concerns within this window after one that was mailed are recorded and listed first as ever,
     * but not mailed again to the same handlers ({@code SMP_SAFEGUARDING_URGENT_MAIL_WINDOW}).
     */
    @WithDefault("PT1H")
    Duration urgentMailWindow();
}
