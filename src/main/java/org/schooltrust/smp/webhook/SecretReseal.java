package org.schooltrust.smp.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * At start, secrets stored before sealing (or under the previous key) are sealed with the current key, so a key
 * rotation is: set the new key as {@code SMP_WEBHOOKS_SECRET_KEY} and the old as {@code SMP_WEBHOOKS_SECRET_KEY_PREVIOUS},
 * start, then drop the previous one (ADR 0014).
 */
@ApplicationScoped
class SecretReseal {

    private static final Logger LOG = Logger.getLogger(SecretReseal.class);

    @Inject
    SecretSeal seal;

    @Inject
    WebhookEndpointStore endpoints;

    void onStart(@Observes StartupEvent started) {
        if (!seal.configured()) {
            LOG.warn("no SMP_WEBHOOKS_SECRET_KEY: webhook endpoints cannot be created or their secrets rotated");
            return;
        }
        int resealed = QuarkusTransaction.requiringNew().call(endpoints::reseal);
        if (resealed > 0) {
            LOG.infof("sealed the signing secrets of %d webhook endpoints with the current key", resealed);
        }
    }
}
