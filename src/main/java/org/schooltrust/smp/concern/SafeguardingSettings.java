package org.schooltrust.smp.concern;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** Who is the Trust's safeguarding route (ADR 0024); configuration, each default written once. */
@ConfigMapping(prefix = "smp.safeguarding")
public interface SafeguardingSettings {

    /**
     * HR ids of the Trust's designated safeguarding leads ({@code SMP_SAFEGUARDING_TRUST_LEADS}, comma separated):
     * they are told of every concern routed to the Trust, and a {@code trust-dsl} token acts only for one of them.
     * Unset: nobody holds Trust authority (fail closed), and a concern routed to the Trust is logged as unanswered.
     */
    Optional<List<String>> trustLeads();
}
