package org.schooltrust.smp.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.schooltrust.smp.common.db.AdvisoryLocks;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.web.RequestIds;

/**
 * The audit API every capability calls: appends events in the caller's transaction (so an event exists exactly when
 * its change commits). Each event's hash chains it to the previous one; appends are serialised by a transaction-scoped
 * advisory lock so the chain has no forks. Nothing updates or deletes audit rows (a trigger refuses it).
 */
@ApplicationScoped
public class AuditLog {

    private static final String INSERT = "INSERT INTO audit_events (occurred_at, actor_subject, actor_roles, client_id,"
            + " action, target_type, target_id, school_urn, request_id, changed_fields, prev_hash, hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Caller caller;

    @Inject
    AdvisoryLocks locks;

    @Inject
    RequestIds requestIds;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditEntry entry) {
        recordAll(List.of(entry));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Actor actor = currentActor();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (Connection connection = dataSource.getConnection()) {
            locks.lock(AdvisoryLocks.Lock.AUDIT_CHAIN);
            String previous = chainHead(connection);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (AuditEntry entry : entries) {
                    String hash = hash(previous, now, actor, entry);
                    insert.setTimestamp(1, Timestamp.from(now));
                    insert.setString(2, actor.subject());
                    insert.setArray(
                            3, connection.createArrayOf("text", actor.roles().toArray()));
                    insert.setString(4, actor.clientId());
                    insert.setString(5, entry.action());
                    insert.setString(6, entry.targetType());
                    insert.setString(7, entry.targetId());
                    insert.setString(8, entry.schoolUrn());
                    insert.setString(9, actor.requestId());
                    insert.setArray(
                            10,
                            connection.createArrayOf(
                                    "text", entry.changedFields().toArray()));
                    insert.setString(11, previous);
                    insert.setString(12, hash);
                    insert.addBatch();
                    previous = hash;
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not append audit events", e);
        }
    }

    private static String chainHead(Connection connection) throws SQLException {
        try (PreparedStatement head =
                        connection.prepareStatement("SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1");
                ResultSet rs = head.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private Actor currentActor() {
        String requestId = requestIds.current().orElse(null);
        if (Arc.container().requestContext().isActive()) {
            return new Actor(
                    caller.subject(), caller.roleNames(), caller.clientId().orElse(null), requestId);
        }
        return new Actor("system", List.of(), null, requestId);
    }

    static String hash(String previous, Instant at, Actor actor, AuditEntry entry) {
        String canonical = String.join(
                "\n",
                previous == null ? "" : previous,
                at.toString(),
                actor.subject(),
                String.join(",", actor.roles()),
                nullToEmpty(actor.clientId()),
                entry.action(),
                entry.targetType(),
                entry.targetId(),
                nullToEmpty(entry.schoolUrn()),
                nullToEmpty(actor.requestId()),
                String.join(",", entry.changedFields()));
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    record Actor(String subject, List<String> roles, String clientId, String requestId) {}
}
