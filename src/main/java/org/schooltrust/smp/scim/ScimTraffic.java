package org.schooltrust.smp.scim;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.schooltrust.smp.common.error.ScimDialect;
import org.schooltrust.smp.common.error.TooManyRequestsException;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.common.web.TokenBuckets;

/**
 * The provisioning client's traffic (issue 29): a token bucket per client ({@code SMP_SCIM_RATE},
 * {@code SMP_SCIM_BURST}; 429 with {@code Retry-After}), and every SCIM answer counted by status class in
 * {@code smp_scim_responses_total{resource,outcome}}, so an operator sees a rising 4xx rate before Entra quarantines the
 * provisioning job. No personal data in the tags.
 */
@ApplicationScoped
public class ScimTraffic {

    @Inject
    Caller caller;

    @Inject
    TimeSource time;

    @Inject
    MeterRegistry metrics;

    private volatile TokenBuckets buckets;

    @Inject
    ScimTraffic(ScimConfig config) {
        buckets = new TokenBuckets(config.rate(), config.burst());
    }

    /** Takes one request for the calling client, or throws 429. */
    void take() {
        TokenBuckets current = buckets;
        String client = caller.clientId().orElseGet(caller::subject);
        current.take(client == null ? "" : client, time.now()).ifPresent(wait -> {
            throw new TooManyRequestsException(
                    "Too many SCIM requests: at most " + current.burst() + " at once, then " + current.perSecond()
                            + " a second.",
                    wait);
        });
    }

    /** Sets the limits, returning the previous {@code {perSecond, burst}}; tests only. */
    double[] limits(double perSecond, int burst) {
        double[] previous = {buckets.perSecond(), buckets.burst()};
        buckets = new TokenBuckets(perSecond, burst);
        return previous;
    }

    @ServerResponseFilter
    public void count(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!ScimDialect.covers(path)) {
            return;
        }
        String rest = path.substring(path.indexOf(ScimDialect.PATH) + ScimDialect.PATH.length());
        String resource = rest.startsWith("/Users") ? "Users" : rest.startsWith("/Groups") ? "Groups" : "discovery";
        metrics.counter("smp.scim.responses", "resource", resource, "outcome", response.getStatus() / 100 + "xx")
                .increment();
    }
}
