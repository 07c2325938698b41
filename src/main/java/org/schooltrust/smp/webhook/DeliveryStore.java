package org.schooltrust.smp.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.common.outbox.Outbox;

/**
 * The delivery queue: one row per event per endpoint (unique), claimed by leases so that any number of replicas send
 * each attempt once, and a replica that dies mid-attempt leaves the row to be claimed again when its lease ends.
 */
@ApplicationScoped
class DeliveryStore {

    /** A delivery to make now. */
    record Claimed(
            UUID id,
            UUID endpointId,
            UUID eventId,
            String eventType,
            String schoolUrn,
            String payload,
            int attempt,
            UUID lease) {}

    /** One new delivery. */
    record New(UUID eventId, String eventType, String schoolUrn, Instant occurredAt, String payload) {}

    /** What one attempt came to. */
    record Outcome(
            Claimed delivery,
            Instant attemptedAt,
            Integer statusCode,
            int durationMs,
            String errorClass,
            String excerpt,
            String retryAfter) {

        boolean succeeded() {
            return errorClass == null;
        }

        boolean gone() {
            return statusCode != null && statusCode == 410;
        }
    }

    @Inject
    Sql sql;

    /** Queues deliveries; an event already queued for the endpoint is skipped (the unique index). */
    void queue(UUID endpointId, List<New> deliveries, Instant now) {
        List<Object[]> rows = new ArrayList<>();
        for (New d : deliveries) {
            rows.add(new Object[] {
                UUID.randomUUID(),
                endpointId,
                d.eventId(),
                d.eventType(),
                d.schoolUrn(),
                d.occurredAt(),
                d.payload(),
                now,
                now,
                now
            });
        }
        if (!rows.isEmpty()) {
            sql.batch(
                    "queue webhook deliveries",
                    "INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, school_urn, occurred_at,"
                            + " payload, status, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?,"
                            + " 'PENDING', ?, ?, ?) ON CONFLICT (endpoint_id, event_id) DO NOTHING",
                    rows);
        }
    }

    /** The outbox claim: due deliveries of enabled endpoints, oldest due first, skipping rows another replica holds. */
    static final Outbox OUTBOX = new Outbox(
            "webhook_deliveries", "status", "JOIN webhook_endpoints e ON e.id = q.endpoint_id AND e.enabled");

    static final String CLAIM_DUE = OUTBOX.claim(
            "updated_at = ?",
            "x.id, x.endpoint_id, x.event_id, x.event_type, x.school_urn, x.payload, x.attempts, x.lease_id");

    /** Leases up to {@code limit} due deliveries of enabled endpoints until {@code leaseUntil}, counting the attempt. */
    List<Claimed> claimDue(Instant now, Instant leaseUntil, int limit) {
        return sql.list(
                "claim due webhook deliveries",
                CLAIM_DUE,
                row -> new Claimed(
                        row.uuid(1),
                        row.uuid(2),
                        row.uuid(3),
                        row.string(4),
                        row.string(5),
                        row.string(6),
                        row.intValue(7),
                        row.uuid(8)),
                leaseUntil,
                UUID.randomUUID(),
                now,
                now,
                now,
                limit);
    }

    /** Records attempts and moves each delivery on: done, due again at its next time, or failed for good. */
    void settle(List<Outcome> outcomes, Map<UUID, Instant> nextAttempts, Instant now) {
        List<Object[]> attempts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (Outcome o : outcomes) {
            attempts.add(new Object[] {
                o.delivery().id(),
                o.attemptedAt(),
                o.statusCode(),
                o.durationMs(),
                o.errorClass(),
                o.excerpt(),
                o.delivery().id()
            });
            Instant next = nextAttempts.get(o.delivery().id());
            String status = o.succeeded() ? "SUCCEEDED" : next == null ? "FAILED" : "PENDING";
            updates.add(new Object[] {
                status,
                o.succeeded() ? null : next,
                now,
                o.delivery().id(),
                o.delivery().lease()
            });
        }
        sql.batch(
                "record webhook attempts",
                // the attempt happened, but its delivery may have gone with a deleted endpoint meanwhile
                "INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, duration_ms, error_class,"
                        + " response_excerpt) SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM webhook_deliveries"
                        + " WHERE id = ?)",
                attempts);
        sql.batch(
                "settle webhook deliveries",
                // fenced by the lease: a lease that expired, or a redelivery queued meanwhile, is not overwritten
                OUTBOX.settle("status = ?, next_attempt_at = ?, updated_at = ?"),
                updates);
    }

    /**
     * Settles deliveries that are no longer for their endpoint as DROPPED with the reason, never sent (fenced by the
     * lease when {@code leased}, as a settlement is).
     */
    void drop(List<Claimed> deliveries, String reason, Instant now) {
        sql.batch(
                "drop webhook deliveries out of scope",
                OUTBOX.settle("status = 'DROPPED', dropped_reason = ?, next_attempt_at = NULL, updated_at = ?"),
                deliveries.stream()
                        .map(d -> new Object[] {reason, now, d.id(), d.lease()})
                        .toList());
    }

    /** Drops what is queued for an endpoint (its URL changed and the queue is not carried over); returns how many. */
    int dropPending(UUID endpointId, String reason, Instant now) {
        return sql.update(
                "drop an endpoint's queued deliveries",
                "UPDATE webhook_deliveries SET status = 'DROPPED', dropped_reason = ?, next_attempt_at = NULL,"
                        + " lease_id = NULL, updated_at = ? WHERE endpoint_id = ? AND status = 'PENDING'",
                reason,
                now,
                endpointId);
    }

    /** The id of the endpoint's delivery of an event. */
    Optional<UUID> idOf(UUID endpointId, UUID eventId) {
        return sql.first(
                "find a webhook delivery",
                "SELECT id FROM webhook_deliveries WHERE endpoint_id = ? AND event_id = ?",
                r -> r.uuid(1),
                endpointId,
                eventId);
    }

    /** Queues one delivery again now, whatever became of it; false when the endpoint has no such delivery. */
    boolean redeliver(UUID endpointId, UUID deliveryId, Instant now) {
        return sql.update(
                        "queue a webhook delivery again",
                        // an attempt in flight keeps its lease (no second sender) but can no longer settle it
                        "UPDATE webhook_deliveries SET status = 'PENDING', attempts = 0, next_attempt_at = ?,"
                                + " lease_id = NULL, updated_at = ? WHERE id = ? AND endpoint_id = ?",
                        now,
                        now,
                        deliveryId,
                        endpointId)
                == 1;
    }

    /** Queues again every failed delivery of events that occurred in [since, until); returns how many. */
    int recover(UUID endpointId, Instant since, Instant until, Instant now) {
        return sql.update(
                "recover failed webhook deliveries",
                "UPDATE webhook_deliveries SET status = 'PENDING', attempts = 0, next_attempt_at = ?,"
                        + " lease_id = NULL, updated_at = ? WHERE endpoint_id = ? AND status = 'FAILED'"
                        + " AND occurred_at >= ? AND occurred_at < ?",
                now,
                now,
                endpointId,
                since,
                until);
    }
}
