package org.schooltrust.smp.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.webhook.WebhookViews.AttemptView;
import org.schooltrust.smp.webhook.WebhookViews.DeliveryView;

/** The delivery log as its readers page through it (read model; the outbox itself is {@link DeliveryStore}). */
@ApplicationScoped
class DeliveryQueries {

    @Inject
    Sql sql;

    /** A page of an endpoint's deliveries, newest first, with their attempts. */
    List<DeliveryView> page(UUID endpointId, Cursor.TimeAndId before, int limit) {
        Map<UUID, List<AttemptView>> attempts = new LinkedHashMap<>();
        record Row(
                UUID id,
                UUID eventId,
                String type,
                String status,
                int attempts,
                Instant next,
                Instant created,
                String dropped) {}
        List<Row> rows = sql.list(
                "list webhook deliveries",
                "SELECT id, event_id, event_type, status, attempts, next_attempt_at, created_at, dropped_reason"
                        + " FROM webhook_deliveries WHERE endpoint_id = ? AND (created_at, id) < (?, ?)"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?",
                r -> new Row(
                        r.uuid(1),
                        r.uuid(2),
                        r.string(3),
                        r.string(4),
                        r.intValue(5),
                        r.instant(6),
                        r.instant(7),
                        r.string(8)),
                endpointId,
                before.time(),
                before.id(),
                limit);
        rows.forEach(r -> attempts.put(r.id(), new ArrayList<>()));
        if (!rows.isEmpty()) {
            sql.list(
                            "list webhook attempts",
                            "SELECT delivery_id, attempted_at, status_code, duration_ms, error_class, response_excerpt"
                                    + " FROM webhook_attempts WHERE delivery_id = ANY(?) ORDER BY id",
                            r -> Map.entry(
                                    r.uuid(1),
                                    new AttemptView(
                                            r.instant(2),
                                            r.string(3) == null ? null : Integer.valueOf(r.string(3)),
                                            r.intValue(4),
                                            r.string(5),
                                            r.string(6))),
                            (Object) rows.stream().map(Row::id).toArray(UUID[]::new))
                    .forEach(e -> attempts.get(e.getKey()).add(e.getValue()));
        }
        return rows.stream()
                .map(r -> new DeliveryView(
                        r.id(),
                        r.eventId(),
                        r.type(),
                        r.status(),
                        r.attempts(),
                        r.next(),
                        r.created(),
                        List.copyOf(attempts.get(r.id())),
                        r.dropped()))
                .toList();
    }
}
