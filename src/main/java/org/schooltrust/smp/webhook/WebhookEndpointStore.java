package org.schooltrust.smp.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.event.FeedPosition;

/** The endpoints table. Writes check the version read (optimistic locking), as the entities' {@code @Version} does. */
@ApplicationScoped
class WebhookEndpointStore {

    @Inject
    Sql sql;

    @Inject
    SecretSeal seal;

    /** A row as an endpoint, its secrets opened (they are stored sealed: SecretSeal). */
    private Endpoint map(Sql.Row row) throws java.sql.SQLException {
        Endpoint e = Endpoint.map(row);
        return e.withSecrets(seal.open(e.secret()), seal.open(e.previousSecret()));
    }

    /**
     * Seals, with the current key, every secret stored in plaintext or under the previous key (at start, once per
     * replica; idempotent); returns how many endpoints were re-sealed.
     */
    int reseal() {
        List<Object[]> rows = new java.util.ArrayList<>();
        for (Object[] r : sql.list(
                "read webhook secrets to re-seal",
                "SELECT id, secret, previous_secret FROM webhook_endpoints FOR UPDATE",
                row -> new Object[] {row.uuid(1), row.string(2), row.string(3)})) {
            if (!seal.current((String) r[1]) || !seal.current((String) r[2])) {
                rows.add(new Object[] {seal.seal(seal.open((String) r[1])), seal.seal(seal.open((String) r[2])), r[0]});
            }
        }
        sql.batch(
                "re-seal webhook secrets",
                "UPDATE webhook_endpoints SET secret = ?, previous_secret = ? WHERE id = ?",
                rows);
        return rows.size();
    }

    void insert(Endpoint e) {
        sql.update(
                "create a webhook endpoint",
                "INSERT INTO webhook_endpoints (id, url, description, event_types, school_filter, identity_role,"
                        + " identity_schools, enabled, secret, cursor_tx, cursor_position, version, created_at,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::xid8, ?, 0, ?, ?)",
                e.id(),
                e.url(),
                e.description(),
                e.eventTypes().toArray(String[]::new),
                e.schools().toArray(String[]::new),
                e.identityRole(),
                e.identitySchools().toArray(String[]::new),
                e.enabled(),
                seal.seal(e.secret()),
                e.cursor().txId(),
                e.cursor().position(),
                e.createdAt(),
                e.updatedAt());
    }

    Optional<Endpoint> find(UUID id) {
        return sql.first(
                "read a webhook endpoint",
                "SELECT " + Endpoint.COLUMNS + " FROM webhook_endpoints WHERE id = ?",
                this::map,
                id);
    }

    /** The endpoints with these ids, in one statement. */
    List<Endpoint> findAll(java.util.Collection<UUID> ids) {
        return sql.list(
                "read webhook endpoints",
                "SELECT " + Endpoint.COLUMNS + " FROM webhook_endpoints WHERE id = ANY(?)",
                this::map,
                (Object) ids.toArray(UUID[]::new));
    }

    List<Endpoint> page(Cursor.TimeAndId after, int limit) {
        return sql.list(
                "list webhook endpoints",
                "SELECT " + Endpoint.COLUMNS + " FROM webhook_endpoints WHERE (created_at, id) > (?, ?)"
                        + " ORDER BY created_at, id LIMIT ?",
                this::map,
                after.time(),
                after.id(),
                limit);
    }

    /** Saves the endpoint's settings if it is still at {@code e.version()}; false when someone changed it first. */
    boolean update(Endpoint e, Instant now) {
        return sql.update(
                        "change a webhook endpoint",
                        "UPDATE webhook_endpoints SET url = ?, description = ?, event_types = ?, school_filter = ?,"
                                + " identity_role = ?, identity_schools = ?, enabled = ?, disabled_reason = ?,"
                                + " secret = ?, previous_secret = ?, previous_secret_until = ?, failing_since = ?,"
                                + " version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                        e.url(),
                        e.description(),
                        e.eventTypes().toArray(String[]::new),
                        e.schools().toArray(String[]::new),
                        e.identityRole(),
                        e.identitySchools().toArray(String[]::new),
                        e.enabled(),
                        e.disabledReason(),
                        seal.seal(e.secret()),
                        seal.seal(e.previousSecret()),
                        e.previousSecretUntil(),
                        e.failingSince(),
                        now,
                        e.id(),
                        e.version())
                == 1;
    }

    boolean delete(UUID id) {
        return sql.update("delete a webhook endpoint", "DELETE FROM webhook_endpoints WHERE id = ?", id) == 1;
    }

    /** Enabled endpoints, in an order that changes each round, so none waits behind the others for long. */
    List<UUID> enabledIds(int limit) {
        return sql.list(
                "list enabled webhook endpoints",
                "SELECT id FROM webhook_endpoints WHERE enabled ORDER BY random() LIMIT ?",
                row -> row.uuid(1),
                limit);
    }

    /** The endpoint, locked until the transaction ends, if it is enabled and no other replica holds it. */
    Optional<Endpoint> lockIfEnabled(UUID id) {
        return sql.first(
                "lock a webhook endpoint for fan-out",
                "SELECT " + Endpoint.COLUMNS
                        + " FROM webhook_endpoints WHERE id = ? AND enabled FOR UPDATE SKIP LOCKED",
                this::map,
                id);
    }

    void advance(UUID id, FeedPosition cursor) {
        sql.update(
                "advance a webhook endpoint's feed cursor",
                "UPDATE webhook_endpoints SET cursor_tx = ?::xid8, cursor_position = ? WHERE id = ?",
                cursor.txId(),
                cursor.position(),
                id);
    }

    /** After a round of attempts: healthy endpoints stop failing; failing ones keep the time they began to. */
    void recordHealth(List<UUID> healthy, List<UUID> failing, Instant now) {
        if (!healthy.isEmpty()) {
            sql.update(
                    "mark webhook endpoints healthy",
                    "UPDATE webhook_endpoints SET failing_since = NULL WHERE id = ANY(?) AND failing_since IS NOT NULL",
                    (Object) healthy.toArray(UUID[]::new));
        }
        if (!failing.isEmpty()) {
            sql.update(
                    "mark webhook endpoints failing",
                    "UPDATE webhook_endpoints SET failing_since = ? WHERE id = ANY(?) AND failing_since IS NULL",
                    now,
                    failing.toArray(UUID[]::new));
        }
    }

    /** Disables the endpoint for a reason the service found; false when it was already disabled. */
    boolean disable(UUID id, String reason, Instant now) {
        return sql.update(
                        "disable a webhook endpoint",
                        "UPDATE webhook_endpoints SET enabled = false, disabled_reason = ?, version = version + 1,"
                                + " updated_at = ? WHERE id = ? AND enabled",
                        reason,
                        now,
                        id)
                == 1;
    }

    /**
     * The feed cursor a new endpoint starts from: just below the oldest transaction still in flight, so an event that
     * commits after the endpoint exists is never skipped.
     */
    FeedPosition feedStart() {
        String below = sql.first(
                        "read the feed's safe start",
                        "SELECT greatest(pg_snapshot_xmin(pg_current_snapshot())::text::numeric - 1, 0)::text",
                        row -> row.string(1))
                .orElse("0");
        return new FeedPosition(below, Long.MAX_VALUE);
    }
}
