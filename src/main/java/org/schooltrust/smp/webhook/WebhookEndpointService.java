package org.schooltrust.smp.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.db.Versions;
import org.schooltrust.smp.common.error.FieldError;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.error.ValidationFailedException;
import org.schooltrust.smp.common.idempotency.Idempotency;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.common.web.ETags;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.event.Audience;
import org.schooltrust.smp.event.EventEnvelope;
import org.schooltrust.smp.event.EventService;
import org.schooltrust.smp.event.EventType;
import org.schooltrust.smp.event.FeedPosition;
import org.schooltrust.smp.webhook.WebhookInputs.EndpointInput;
import org.schooltrust.smp.webhook.WebhookInputs.EndpointPatch;
import org.schooltrust.smp.webhook.WebhookInputs.IdentityInput;
import org.schooltrust.smp.webhook.WebhookViews.DeliveryView;
import org.schooltrust.smp.webhook.WebhookViews.EndpointView;
import org.schooltrust.smp.webhook.WebhookViews.SecretView;

/** Managing webhook endpoints ({@code trust-admin}); every change is audited, and so published as an event. */
@ApplicationScoped
public class WebhookEndpointService {

    static final String AUDIT_TYPE = "webhook-endpoint";

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** The Idempotency-Key operation of creating an endpoint. */
    static final String CREATE = "webhook-endpoint.create";

    @Inject
    Idempotency idempotency;

    @Inject
    WebhooksConfig config;

    @Inject
    WebhookEndpointStore endpoints;

    @Inject
    DeliveryStore deliveries;

    @Inject
    DeliveryQueries deliveryLog;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "smp.events.retention")
    java.time.Duration feedRetention;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    SsrfGuard guard;

    @Inject
    EventService events;

    @Inject
    ChangeLog changes;

    @Inject
    TimeSource time;

    private final SecureRandom random = new SecureRandom();

    @Transactional
    public Versioned<SecretView> create(EndpointInput input, String idempotencyKey) {
        Optional<Idempotency.Replay> earlier =
                idempotency.claim(CREATE, idempotencyKey, Idempotency.fingerprint(input));
        if (earlier.isPresent()) {
            // a replay answers as the first response did: 201, with the secret the first answer gave
            Endpoint first = find(earlier.get().uuid());
            return Versioned.created(new SecretView(EndpointView.of(first), first.secret()), first.version());
        }
        Instant now = time.now();
        List<String> identitySchools = identitySchools(input.identity());
        Endpoint endpoint = new Endpoint(
                UUID.randomUUID(),
                input.url().strip(),
                input.description(),
                orEmpty(input.eventTypes()),
                orEmpty(input.schools()),
                input.identity().role(),
                identitySchools,
                input.enabled() == null || input.enabled(),
                null,
                newSecret(),
                null,
                null,
                feedStart(),
                null,
                0,
                now,
                now);
        validate(endpoint);
        endpoints.insert(endpoint);
        idempotency.created(CREATE, idempotencyKey, endpoint.id());
        changes.record(new AuditEntry(
                WebhookAction.ENDPOINT_CREATED,
                AUDIT_TYPE,
                endpoint.id().toString(),
                null,
                List.of("url", "description", "eventTypes", "schools", "identity", "enabled")));
        return Versioned.created(new SecretView(EndpointView.of(endpoint), endpoint.secret()), 0L);
    }

    @Transactional
    public Page<EndpointView> list(PageParams page) {
        Cursor.TimeAndId after = Cursor.TimeAndId.decode(page.cursor);
        return Page.of(
                        endpoints.page(after, page.limit() + 1),
                        page.limit(),
                        e -> Cursor.TimeAndId.encode(e.createdAt(), e.id()))
                .map(EndpointView::of);
    }

    @Transactional
    public Versioned<EndpointView> get(UUID id) {
        Endpoint endpoint = find(id);
        return Versioned.existing(EndpointView.of(endpoint), endpoint.version());
    }

    @Transactional
    public Versioned<EndpointView> patch(UUID id, EndpointPatch patch, String ifMatch) {
        Endpoint current = find(id);
        ETags.checkIfPresent(ifMatch, current.version());
        boolean enabling = Boolean.TRUE.equals(patch.enabled()) && !current.enabled();
        Endpoint changed = new Endpoint(
                current.id(),
                patch.url() == null ? current.url() : patch.url().strip(),
                patch.description() == null ? current.description() : patch.description(),
                patch.eventTypes() == null ? current.eventTypes() : patch.eventTypes(),
                patch.schools() == null ? current.schools() : patch.schools(),
                patch.identity() == null
                        ? current.identityRole()
                        : patch.identity().role(),
                patch.identity() == null ? current.identitySchools() : identitySchools(patch.identity()),
                patch.enabled() == null ? current.enabled() : patch.enabled(),
                enabling ? null : current.disabledReason(),
                current.secret(),
                current.previousSecret(),
                current.previousSecretUntil(),
                current.cursor(),
                enabling ? null : current.failingSince(),
                current.version(),
                current.createdAt(),
                current.updatedAt());
        validate(changed);
        List<String> fields = changedFields(current, changed);
        if (fields.isEmpty()) {
            return Versioned.existing(EndpointView.of(current), current.version());
        }
        save(changed);
        if (!changed.url().equals(current.url()) && !Boolean.TRUE.equals(patch.carryOverQueued())) {
            // what was queued for the old address is not sent to the new one unless the caller asks (issue 25)
            deliveries.dropPending(id, "url changed: queued for the previous address", time.now());
        }
        if (enabling && current.cursor().compareTo(events.horizon()) < 0) {
            // its missed events are gone (the consumer was told to re-sync): it resumes from now
            endpoints.advance(id, feedStart());
        }
        changes.record(new AuditEntry(WebhookAction.ENDPOINT_UPDATED, AUDIT_TYPE, id.toString(), null, fields));
        return get(id);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Endpoint current = find(id);
        ETags.checkIfPresent(ifMatch, current.version());
        endpoints.delete(id);
        changes.record(AuditEntry.of(WebhookAction.ENDPOINT_DELETED, AUDIT_TYPE, id.toString(), null));
    }

    /** A new secret; the old one still signs deliveries (a second signature) for the overlap. */
    @Transactional
    public Versioned<SecretView> rotateSecret(UUID id, String ifMatch, Duration overlap) {
        Endpoint current = find(id);
        ETags.checkIfPresent(ifMatch, current.version());
        Instant now = time.now();
        Duration kept = overlap == null ? config.secretOverlap() : overlap;
        if (kept.isNegative() || kept.compareTo(Duration.ofDays(7)) > 0) {
            throw ValidationFailedException.of("overlap", "must be between PT0S and P7D");
        }
        Endpoint rotated = current.rotated(newSecret(), now, kept);
        save(rotated);
        changes.record(new AuditEntry(
                WebhookAction.ENDPOINT_SECRET_ROTATED, AUDIT_TYPE, id.toString(), null, List.of("secret")));
        Endpoint saved = find(id);
        return Versioned.existing(new SecretView(EndpointView.of(saved), saved.secret()), saved.version());
    }

    /** Queues a {@code webhook.ping} to the endpoint now (it is not on the feed). */
    @Transactional
    public DeliveryView ping(UUID id) {
        Endpoint endpoint = find(id);
        Instant now = time.now();
        UUID eventId = UUID.randomUUID();
        String data = "{\"endpointId\":\"" + endpoint.id() + "\"}";
        deliveries.queue(
                id,
                List.of(new DeliveryStore.New(
                        eventId, Endpoint.PING, null, now, EventEnvelope.of(Endpoint.PING, now, data))),
                now);
        // the delivery's own id, which redeliver and the delivery log know it by (issue 25)
        UUID deliveryId = deliveries.idOf(id, eventId).orElseThrow();
        return new DeliveryView(deliveryId, eventId, Endpoint.PING, "PENDING", 0, now, now, List.of(), null);
    }

    @Transactional
    public Page<DeliveryView> deliveries(UUID id, PageParams page) {
        find(id);
        Cursor.TimeAndId before = page.cursor == null
                ? new Cursor.TimeAndId(Instant.parse("9999-12-31T00:00:00Z"), new UUID(-1, -1))
                : Cursor.TimeAndId.decode(page.cursor);
        return Page.of(
                deliveryLog.page(id, before, page.limit() + 1),
                page.limit(),
                d -> Cursor.TimeAndId.encode(d.createdAt(), d.id()));
    }

    @Transactional
    public void redeliver(UUID id, UUID deliveryId) {
        find(id);
        if (!deliveries.redeliver(id, deliveryId, time.now())) {
            throw new ResourceNotFoundException("No delivery " + deliveryId + " of this endpoint.");
        }
        changes.record(new AuditEntry(WebhookAction.ENDPOINT_REDELIVERED, AUDIT_TYPE, id.toString(), null, List.of()));
    }

    @Transactional
    public int recover(UUID id, WebhookInputs.Recovery input) {
        find(id);
        Instant now = time.now();
        Instant until = input.until() == null ? now : input.until();
        for (var bound :
                java.util.Map.of("since", input.since(), "until", until).entrySet()) {
            if (bound.getValue().isBefore(Instant.EPOCH) || bound.getValue().isAfter(LATEST)) {
                throw ValidationFailedException.of(bound.getKey(), "must be between 1970 and 9999");
            }
        }
        if (!input.since().isBefore(until)) {
            throw ValidationFailedException.of("since", "must be before until");
        }
        // bounded by the feed's retention: nothing older than the feed keeps is sent again (issue 25)
        Instant since = input.since().isBefore(now.minus(feedRetention)) ? now.minus(feedRetention) : input.since();
        int queued = since.isBefore(until) ? deliveries.recover(id, since, until, now) : 0;
        changes.record(new AuditEntry(WebhookAction.ENDPOINT_RECOVERED, AUDIT_TYPE, id.toString(), null, List.of()));
        return queued;
    }

    private Endpoint find(UUID id) {
        return endpoints.find(id).orElseThrow(() -> new ResourceNotFoundException("No webhook endpoint " + id + "."));
    }

    private void save(Endpoint endpoint) {
        Versions.require(endpoints.update(endpoint, time.now()), "endpoint");
    }

    /**
     * The endpoint's feed cursor at creation: just below the oldest transaction still in flight, so an event that
     * commits after the endpoint exists is never skipped.
     */
    private FeedPosition feedStart() {
        return endpoints.feedStart();
    }

    private void validate(Endpoint endpoint) {
        List<FieldError> errors = new ArrayList<>();
        guard.refusal(endpoint.url()).ifPresent(reason -> errors.add(new FieldError("url", reason)));
        Set<String> known = EventType.wireNames();
        for (int i = 0; i < endpoint.eventTypes().size(); i++) {
            if (!known.contains(endpoint.eventTypes().get(i))) {
                errors.add(
                        new FieldError("eventTypes[" + i + "]", "unknown event type; the contract lists every type"));
            }
        }
        boolean scoped = Audience.schoolScoped(endpoint.role());
        if (scoped && endpoint.identitySchools().isEmpty()) {
            errors.add(new FieldError("identity.schools", "required for " + endpoint.identityRole()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
    }

    private static List<String> identitySchools(IdentityInput identity) {
        boolean scoped = Audience.schoolScoped(Role.fromClaim(identity.role()));
        return scoped ? List.copyOf(new TreeSet<>(orEmpty(identity.schools()))) : List.of();
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    private static List<String> changedFields(Endpoint a, Endpoint b) {
        List<String> fields = new ArrayList<>();
        if (!a.url().equals(b.url())) {
            fields.add("url");
        }
        if (!java.util.Objects.equals(a.description(), b.description())) {
            fields.add("description");
        }
        if (!a.eventTypes().equals(b.eventTypes())) {
            fields.add("eventTypes");
        }
        if (!a.schools().equals(b.schools())) {
            fields.add("schools");
        }
        if (!a.identityRole().equals(b.identityRole()) || !a.identitySchools().equals(b.identitySchools())) {
            fields.add("identity");
        }
        if (a.enabled() != b.enabled()) {
            fields.add("enabled");
        }
        return fields;
    }

    private String newSecret() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
