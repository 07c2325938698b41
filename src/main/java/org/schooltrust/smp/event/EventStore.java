package org.schooltrust.smp.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.common.db.Sql;

/**
 * The events table: written in the change's transaction, read in feed order below the oldest transaction still in
 * flight (ADR 0014).
 */
@ApplicationScoped
class EventStore {

    @Inject
    Sql sql;

    @Inject
    ObjectMapper json;

    /** Benchmarks only (events off, for comparison): false publishes nothing, so the feed and webhooks fall silent. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "smp.events.publish", defaultValue = "true")
    boolean publish;

    /** Publishes the events of audited changes in the caller's transaction: one batched insert, however many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(List<AuditEntry> changes, Instant now) {
        if (!publish) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (AuditEntry change : changes) {
            for (EventType type : EventType.of(change)) {
                String data = toJson(type.data(change));
                String payload = EventEnvelope.of(type.wire(), now, data);
                for (String school : change.eventSchools()) {
                    rows.add(new Object[] {UUID.randomUUID(), type.wire(), now, school, data, payload});
                }
            }
        }
        if (!rows.isEmpty()) {
            sql.batch(
                    "publish events",
                    "INSERT INTO events (id, type, occurred_at, school_urn, data, payload) VALUES (?, ?, ?, ?, ?::jsonb, ?)",
                    rows);
            published.fire(new EventService.Published(rows.size()));
        }
    }

    @Inject
    jakarta.enterprise.event.Event<EventService.Published> published;

    /**
     * Events after {@code after} that {@code audience} may read, restricted to {@code types} (wire names) and to
     * {@code schools} unless null, in feed order, at most {@code limit}. Only events of transactions older than every
     * transaction still running are served: one that commits later can never land behind a position already read.
     */
    public EventService.Slice after(
            FeedPosition after, Audience audience, Set<String> types, Set<String> schools, int limit) {
        return after(after, audience, types, schools, limit, false);
    }

    /** The same, each event with its webhook body when {@code withPayload} (the dispatcher's fan-out). */
    public EventService.Slice after(
            FeedPosition after,
            Audience audience,
            Set<String> types,
            Set<String> schools,
            int limit,
            boolean withPayload) {
        FeedQuery query = FeedQuery.of(after, audience, types, schools, limit, withPayload);
        List<Object[]> rows = sql.list(
                "read the event feed",
                query.sql(),
                row -> new Object[] {
                    row.string(1),
                    row.string(2) == null
                            ? null
                            : new EventService.Stored(
                                    new FeedPosition(row.string(2), row.longValue(3)),
                                    row.uuid(4),
                                    row.string(5),
                                    row.instant(6),
                                    row.string(7),
                                    row.string(8),
                                    withPayload ? row.string(9) : null)
                },
                query.args().toArray());
        FeedPosition settled = new FeedPosition((String) rows.get(0)[0], Long.MAX_VALUE);
        List<EventService.Stored> events = rows.stream()
                .map(r -> (EventService.Stored) r[1])
                .filter(java.util.Objects::nonNull)
                .toList();
        return new EventService.Slice(events, settled, limit);
    }

    /** The greatest position retention has disposed of: a cursor below it may have missed events. */
    public FeedPosition horizon() {
        return sql.first(
                        "read the feed horizon",
                        "SELECT tx_id::text AS tx_text, position FROM event_feed_horizon",
                        row -> new FeedPosition(row.string(1), row.longValue(2)))
                .orElse(FeedPosition.START);
    }

    /**
     * Disposes of the events that occurred before {@code cutoff}, in feed order, and moves the horizon to the last
     * one disposed of. Returns how many went.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int disposeBefore(Instant cutoff) {
        var last = sql.first(
                "find the last expired event",
                "SELECT tx_id::text AS tx_text, position FROM events WHERE occurred_at < ? ORDER BY tx_id DESC, position DESC"
                        + " LIMIT 1",
                row -> new FeedPosition(row.string(1), row.longValue(2)),
                cutoff);
        if (last.isEmpty()) {
            return 0;
        }
        FeedPosition horizon = last.get();
        sql.update(
                "move the feed horizon",
                "UPDATE event_feed_horizon SET tx_id = ?::xid8, position = ?",
                horizon.txId(),
                horizon.position());
        return sql.update(
                "dispose of expired events",
                "DELETE FROM events WHERE tx_id < ?::xid8 OR (tx_id = ?::xid8 AND position <= ?)",
                horizon.txId(),
                horizon.txId(),
                horizon.position());
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data must serialise", e);
        }
    }
}
