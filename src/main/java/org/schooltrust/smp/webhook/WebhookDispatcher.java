package org.schooltrust.smp.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.event.EventService;
import org.schooltrust.smp.event.FeedPosition;

/**
 * Moves events from the feed to receivers, safely with any number of replicas (ADR 0014): the fan-out locks each
 * endpoint row ({@code FOR UPDATE SKIP LOCKED}) while it reads the feed after the endpoint's cursor and queues one
 * delivery per event; senders lease due deliveries, send them outside any transaction, then settle them.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    static final int FAN_OUT_PAGE = 500;
    static final int FAN_OUT_PAGES = 10;
    static final int FAN_OUT_ENDPOINTS = 500;
    static final int SEND_BATCH = 200;

    @Inject
    WebhooksConfig config;

    @Inject
    EventService events;

    @Inject
    WebhookEndpointStore endpoints;

    @Inject
    DeliveryStore deliveries;

    @Inject
    WebhookSender sender;

    @Inject
    ChangeLog changes;

    @Inject
    TimeSource time;

    @Inject
    ObjectMapper json;

    private final SecureRandom random = new SecureRandom();

    private final java.util.concurrent.Semaphore wake = new java.util.concurrent.Semaphore(0);
    private volatile Thread loop;

    /**
     * Each replica runs one dispatch loop: a round every {@code SMP_WEBHOOKS_POLL}, and at once when a transaction on
     * this replica has committed events (other replicas' events wait at most one poll).
     */
    void start(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent started) {
        if (!config.dispatcherEnabled()) {
            return;
        }
        Thread thread = new Thread(this::dispatchLoop, "webhook-dispatcher");
        thread.setDaemon(true);
        loop = thread;
        thread.start();
    }

    private void dispatchLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                wake.tryAcquire(config.poll().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                wake.drainPermits();
                runOnce();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warnf(
                        "webhook dispatch failed and will run again: %s",
                        e.getClass().getSimpleName());
                try {
                    Thread.sleep(config.poll().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** A transaction on this replica committed events: dispatch now rather than at the next poll. */
    void committed(
            @jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
                    EventService.Published published) {
        wake.release();
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        Thread running = loop;
        if (running != null) {
            running.interrupt();
        }
    }

    /** One round: queue what the feed has for every endpoint, then send everything due. Returns attempts made. */
    public int runOnce() {
        fanOut();
        int sent = 0;
        for (int round = 0; round < 50; round++) {
            int attempts = sendDue();
            sent += attempts;
            if (attempts < SEND_BATCH) {
                break;
            }
        }
        return sent;
    }

    /**
     * Queues deliveries for every enabled endpoint, each in its own transaction under its row lock (another replica
     * skips it), at most {@value #FAN_OUT_PAGES} pages per endpoint per round; returns how many were queued.
     */
    public int fanOut() {
        int queued = 0;
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> endpoints.enabledIds(FAN_OUT_ENDPOINTS));
        for (UUID id : ids) {
            queued += QuarkusTransaction.requiringNew().call(() -> fanOut(id));
        }
        return queued;
    }

    private int fanOut(UUID id) {
        var locked = endpoints.lockIfEnabled(id);
        if (locked.isEmpty()) {
            return 0;
        }
        Endpoint endpoint = locked.get();
        Instant now = time.now();
        if (endpoint.cursor().compareTo(events.horizon()) < 0) {
            // events it never received were disposed of: say so instead of skipping them silently
            if (endpoints.disable(
                    id,
                    "Its events were disposed of by retention before they could be queued: re-sync the consumer,"
                            + " then enable the endpoint again (it resumes from then).",
                    now)) {
                changes.record(AuditEntry.of(
                        WebhookAction.ENDPOINT_DISABLED, WebhookEndpointService.AUDIT_TYPE, id.toString(), null));
            }
            return 0;
        }
        FeedPosition cursor = endpoint.cursor();
        int queued = 0;
        for (int page = 0; page < FAN_OUT_PAGES; page++) {
            EventService.Slice slice =
                    events.after(cursor, endpoint.audience(), endpoint.types(), endpoint.schoolFilter(), FAN_OUT_PAGE);
            deliveries.queue(id, slice.events().stream().map(this::delivery).toList(), now);
            queued += slice.events().size();
            cursor = slice.resumeAfter(cursor);
            if (slice.events().size() < FAN_OUT_PAGE) {
                break;
            }
        }
        if (!cursor.equals(endpoint.cursor())) {
            endpoints.advance(id, cursor);
        }
        return queued;
    }

    /** The body the Standard Webhooks specification names: {@code {type, timestamp, data}}. */
    DeliveryStore.New delivery(EventService.Stored event) {
        return new DeliveryStore.New(event.id(), event.type(), event.schoolUrn(), event.occurredAt(), event.payload());
    }

    /** Leases a batch of due deliveries, sends them concurrently, settles them; returns how many were attempted. */
    int sendDue() {
        Instant now = time.now();
        List<DeliveryStore.Claimed> claimed = QuarkusTransaction.requiringNew()
                .call(() ->
                        deliveries.claimDue(now, now.plus(config.timeout()).plus(config.leaseMargin()), SEND_BATCH));
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<UUID, Endpoint> byId = QuarkusTransaction.requiringNew()
                .call(
                        () -> endpoints
                                .findAll(claimed.stream()
                                        .map(DeliveryStore.Claimed::endpointId)
                                        .collect(Collectors.toSet()))
                                .stream()
                                .collect(Collectors.toMap(Endpoint::id, Function.identity())));
        List<CompletableFuture<DeliveryStore.Outcome>> inFlight = new ArrayList<>();
        List<DeliveryStore.Claimed> outOfScope = new ArrayList<>();
        for (DeliveryStore.Claimed delivery : claimed) {
            Endpoint endpoint = byId.get(delivery.endpointId());
            if (endpoint == null) {
                continue;
            }
            // re-checked at every attempt against the endpoint as it is now (issue 25)
            if (endpoint.inScope(delivery.eventType(), delivery.schoolUrn())) {
                inFlight.add(sender.send(delivery, endpoint));
            } else {
                outOfScope.add(delivery);
            }
        }
        if (!outOfScope.isEmpty()) {
            QuarkusTransaction.requiringNew()
                    .run(() -> deliveries.drop(
                            outOfScope,
                            "out of scope: the endpoint's identity or filters no longer take this event",
                            time.now()));
        }
        List<DeliveryStore.Outcome> outcomes =
                inFlight.stream().map(CompletableFuture::join).toList();
        settle(outcomes, byId);
        return outcomes.size() + outOfScope.size();
    }

    private void settle(List<DeliveryStore.Outcome> outcomes, Map<UUID, Endpoint> byId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = time.now();
            Map<UUID, Instant> next = new HashMap<>();
            Set<UUID> healthy = new HashSet<>();
            Set<UUID> failing = new HashSet<>();
            Set<UUID> gone = new HashSet<>();
            for (DeliveryStore.Outcome o : outcomes) {
                UUID endpoint = o.delivery().endpointId();
                if (o.succeeded()) {
                    healthy.add(endpoint);
                    continue;
                }
                failing.add(endpoint);
                if (o.gone()) {
                    gone.add(endpoint);
                    continue;
                }
                RetrySchedule.next(
                                o.delivery().attempt(),
                                now,
                                RetrySchedule.retryAfter(o.retryAfter()),
                                random.nextDouble())
                        .ifPresent(at -> next.put(o.delivery().id(), at));
            }
            deliveries.settle(outcomes, next, now);
            failing.removeAll(healthy);
            endpoints.recordHealth(List.copyOf(healthy), List.copyOf(failing), now);
            List<AuditEntry> disabled = new ArrayList<>();
            for (UUID id : gone) {
                if (endpoints.disable(id, "The receiver answered 410 Gone.", now)) {
                    disabled.add(AuditEntry.of(
                            WebhookAction.ENDPOINT_DISABLED, WebhookEndpointService.AUDIT_TYPE, id.toString(), null));
                }
            }
            for (UUID id : failing) {
                Endpoint endpoint = byId.get(id);
                if (endpoint != null
                        && !gone.contains(id)
                        && endpoint.failingLongerThan(config.disableAfter(), now)
                        && endpoints.disable(
                                id,
                                "Every attempt failed for "
                                        + config.disableAfter().toDays() + " days.",
                                now)) {
                    disabled.add(AuditEntry.of(
                            WebhookAction.ENDPOINT_DISABLED, WebhookEndpointService.AUDIT_TYPE, id.toString(), null));
                }
            }
            if (!disabled.isEmpty()) {
                changes.recordAll(disabled);
            }
        });
    }
}
