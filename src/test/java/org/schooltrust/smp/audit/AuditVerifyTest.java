package org.schooltrust.smp.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/**
 * The audit trail proves itself: tampering as a database superuser (triggers disabled) — an edited event, a removed
 * one, and a chain rewritten with every hash recomputed — is found by the verify endpoint. Each tampering is undone.
 */
@ApiTest
class AuditVerifyTest {

    @Inject
    AuditChain chain;

    @Inject
    AgroalDataSource dataSource;

    private static JsonPath verify() {
        return Api.as(Tokens.trustAdmin())
                .get("/api/v1/audit-events/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Long broken(JsonPath v, String chainName) {
        Object id = v.get("chains.find { it.chain == '" + chainName + "' }.firstBrokenEventId");
        return id == null ? null : ((Number) id).longValue();
    }

    /** A recent write-chain event of a fresh school, with a checkpoint signed after it. */
    private long freshEvent() {
        String urn = TestData.newSchool();
        TestData.hrAdultAt(urn);
        long id = Long.parseLong(Db.first(
                "SELECT id FROM audit_events WHERE chain = 'WRITE' AND target_id = ? ORDER BY id LIMIT 1", urn));
        TestData.hrAdultAt(urn); // an event after it
        chain.checkpoint();
        return id;
    }

    private void superuser(String sql, Object... args) throws Exception {
        try (Connection c = Db.owner()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete");
            }
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    p.setObject(i + 1, args[i]);
                }
                p.execute();
            }
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete");
            }
            c.commit();
        }
    }

    @Test
    void anIntactTrailVerifiesAndAnEditedEventIsFound() throws Exception {
        long id = freshEvent();
        JsonPath before = verify();
        assertThat(before.getBoolean("ok")).isTrue();
        assertThat(before.getBoolean("keyConfigured")).isTrue();
        assertThat(before.getLong("chains.find { it.chain == 'WRITE' }.checkpointsMatched"))
                .isPositive();

        String target = Db.first("SELECT target_id FROM audit_events WHERE id = ?", id);
        superuser("UPDATE audit_events SET target_id = 'someone-else' WHERE id = ?", id);
        try {
            JsonPath after = verify();
            assertThat(after.getBoolean("ok")).isFalse();
            assertThat(broken(after, "WRITE")).isEqualTo(id);
            assertThat(after.getString("chains.find { it.chain == 'WRITE' }.reason"))
                    .contains("altered");
        } finally {
            superuser("UPDATE audit_events SET target_id = ? WHERE id = ?", target, id);
        }
        assertThat(verify().getBoolean("ok")).isTrue();
    }

    @Test
    void aRemovedEventIsFound() throws Exception {
        long id = freshEvent();
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement("SELECT * FROM audit_events WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
            }
        }
        superuser("DELETE FROM audit_events WHERE id = ?", id);
        try {
            JsonPath after = verify();
            assertThat(after.getBoolean("ok")).isFalse();
            assertThat(broken(after, "WRITE")).isGreaterThan(id);
            assertThat(after.getString("chains.find { it.chain == 'WRITE' }.reason"))
                    .contains("removed");
        } finally {
            String columns = String.join(", ", row.keySet());
            String marks = String.join(", ", java.util.Collections.nCopies(row.size(), "?"));
            superuser(
                    "INSERT INTO audit_events (" + columns + ") OVERRIDING SYSTEM VALUE VALUES (" + marks + ")",
                    row.values().toArray());
        }
        assertThat(verify().getBoolean("ok")).isTrue();
    }

    @Test
    void aChainRewrittenWithRecomputedHashesIsFoundByTheSignedCheckpoint() throws Exception {
        long id = freshEvent();
        // the attacker edits an event and recomputes every hash after it, so each link checks out again
        List<long[]> ids = new ArrayList<>();
        List<String[]> original = new ArrayList<>();
        List<String[]> rewritten = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement("SELECT id, occurred_at, actor_subject, actor_roles,"
                        + " client_id, action, target_type, target_id, school_urn, request_id, changed_fields,"
                        + " prev_hash, hash FROM audit_events WHERE chain = 'WRITE' AND id >= ? ORDER BY id")) {
            p.setLong(1, id);
            String previous = null;
            try (ResultSet rs = p.executeQuery()) {
                boolean first = true;
                while (rs.next()) {
                    long eventId = rs.getLong(1);
                    String prev = rs.getString(12);
                    if (first) {
                        previous = prev;
                    }
                    String target = first ? "someone-else" : rs.getString(8);
                    AuditLog.Actor actor = new AuditLog.Actor(
                            rs.getString(3),
                            List.of((String[]) rs.getArray(4).getArray()),
                            rs.getString(5),
                            rs.getString(10));
                    AuditEntry entry = new AuditEntry(
                            rs.getString(6),
                            rs.getString(7),
                            target,
                            rs.getString(9),
                            List.of((String[]) rs.getArray(11).getArray()),
                            java.util.Map.of());
                    Instant at = rs.getTimestamp(2).toInstant();
                    String hash = AuditLog.hash(previous, at, actor, entry);
                    ids.add(new long[] {eventId});
                    original.add(new String[] {rs.getString(8), prev, rs.getString(13)});
                    rewritten.add(new String[] {target, previous, hash});
                    previous = hash;
                    first = false;
                }
            }
        }
        for (int i = 0; i < ids.size(); i++) {
            String[] r = rewritten.get(i);
            superuser(
                    "UPDATE audit_events SET target_id = ?, prev_hash = ?, hash = ? WHERE id = ?",
                    r[0],
                    r[1],
                    r[2],
                    ids.get(i)[0]);
        }
        try {
            JsonPath after = verify();
            assertThat(after.getBoolean("ok")).isFalse();
            assertThat(after.getString("chains.find { it.chain == 'WRITE' }.reason"))
                    .contains("signed checkpoint");
        } finally {
            for (int i = 0; i < ids.size(); i++) {
                String[] o = original.get(i);
                superuser(
                        "UPDATE audit_events SET target_id = ?, prev_hash = ?, hash = ? WHERE id = ?",
                        o[0],
                        o[1],
                        o[2],
                        ids.get(i)[0]);
            }
        }
        assertThat(verify().getBoolean("ok")).isTrue();
    }

    @Test
    void onlyTheTrustVerifies() {
        for (String token : List.of(Tokens.hrSync(), Tokens.registerReader(), Tokens.staff("E-x", "100001"))) {
            Api.as(token).get("/api/v1/audit-events/verify").then().statusCode(403);
        }
        Api.as(Tokens.trustAdmin())
                .queryParam("from", "yesterday")
                .get("/api/v1/audit-events/verify")
                .then()
                .statusCode(422);
    }
}
