package org.schooltrust.smp.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The webhook feature's settings, each default written once (README, Configuration; issue 22). */
@ConfigMapping(prefix = "smp.webhooks")
public interface WebhooksConfig {

    /** How often each replica moves feed events to deliveries and sends what is due (SMP_WEBHOOKS_POLL). */
    @WithDefault("250ms")
    Duration poll();

    /** A delivery must get its 2xx within this time, else it is retried (SMP_WEBHOOKS_TIMEOUT). */
    @WithDefault("PT15S")
    Duration timeout();

    /** After a rotation, deliveries also carry the old secret's signature this long (SMP_WEBHOOKS_SECRET_OVERLAP). */
    @WithDefault("PT24H")
    Duration secretOverlap();

    /** An endpoint whose every attempt failed this long is disabled (SMP_WEBHOOKS_DISABLE_AFTER). */
    @WithDefault("P5D")
    Duration disableAfter();

    /** A lease lasts the timeout plus this margin; a replica that dies mid-attempt is retried after it. */
    @WithDefault("PT45S")
    Duration leaseMargin();

    /** Whether this replica runs the dispatch loop; tests call {@code runOnce()} themselves. */
    @WithDefault("true")
    boolean dispatcherEnabled();

    /** Hosts exempt from the SSRF guard's address and port checks (dev and tests only). */
    Optional<List<String>> allowedHosts();

    /** Ports a webhook URL may use besides 443. */
    Optional<List<Integer>> allowedPorts();

    /** The key (base64, 32 bytes) that seals signing secrets at rest. */
    Optional<String> secretKey();

    /** Read the key from this file instead. */
    Optional<String> secretKeyFile();

    /** The previous key while rotating. */
    Optional<String> secretKeyPrevious();
}
