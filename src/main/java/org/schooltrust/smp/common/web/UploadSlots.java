package org.schooltrust.smp.common.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.concurrent.Semaphore;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.schooltrust.smp.common.error.UploadsBusyException;

/**
 * Multipart uploads in progress at once on this replica: each is spooled to /tmp, so the bound keeps /tmp (a
 * size-limited emptyDir in the Helm chart) and the heap from filling under load (issue 23). A slot is taken after
 * authentication and the role check — an anonymous client cannot hold one — and given back when the response ends or
 * the connection closes; one upload too many is 503 {@code uploads-busy} with {@code Retry-After}.
 */
@ApplicationScoped
public class UploadSlots {

    @Inject
    HttpConfig config;

    private Semaphore slots;

    @PostConstruct
    void create() {
        slots = new Semaphore(Math.max(1, config.maxConcurrentUploads()));
    }

    @ServerRequestFilter
    void takeASlot(ContainerRequestContext request, RoutingContext rc) {
        if (request.getMediaType() == null
                || !"multipart".equalsIgnoreCase(request.getMediaType().getType())) {
            return;
        }
        if (!slots.tryAcquire()) {
            throw new UploadsBusyException("Too many uploads are in progress; send the file again.");
        }
        // given back exactly once, however many ways the exchange ends (response sent, connection closed)
        java.util.concurrent.atomic.AtomicBoolean held = new java.util.concurrent.atomic.AtomicBoolean(true);
        rc.addEndHandler(ended -> {
            if (held.getAndSet(false)) {
                slots.release();
            }
        });
    }
}
