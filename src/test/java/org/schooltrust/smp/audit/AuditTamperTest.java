package org.schooltrust.smp.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.Events;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/**
 * Tampering as a database owner could (issue 24) — what the application's own login could do in a single-role
 * deployment; with two roles it holds no UPDATE or DELETE on the trail at all ({@code AuditTrailTest}). Each way of rewriting the trail that the old
 * checkpoints let through — cutting the tail with its checkpointed head, deleting a prefix under the old
 * {@code smp.disposal} setting, removing a checkpoint, letting checkpoints stop — is found by verify; without a key
 * the answer is UNANCHORED, never ok. Every change is undone.
 */
@ApiTest
class AuditTamperTest {

    @Inject
    AuditChain chain;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void reset() {
        TestClock.get().reset();
        chain.checkpoint();
    }

    private static JsonPath verify() {
        return Api.as(Tokens.trustAdmin())
                .get("/api/v1/audit-events/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String reason(JsonPath v) {
        return v.getString("chains.find { it.chain == 'WRITE' }.reason");
    }

    /** Writes a fresh event and signs the new chain head; returns the head's id. */
    private long signedHead() {
        TestData.hrAdultAt(TestData.newSchool());
        chain.checkpoint();
        return Long.parseLong(Db.first("SELECT max(id)::text FROM audit_events WHERE chain = 'WRITE'"));
    }

    /**
     * Runs statements as the schema's owner with the append-only rule bypassed the old way: what the application's own
     * login could do in a single-role deployment (with two roles it is refused outright, {@code AuditTrailTest}).
     */
    private void asApplication(String... statements) throws Exception {
        try (Connection c = Db.owner()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT set_config('smp.disposal', 'on', true)");
                for (String statement : statements) {
                    s.execute(statement);
                }
            }
            c.commit();
        }
    }

    private List<Map<String, Object>> rows(String table, String where) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = Db.owner();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE " + where + " ORDER BY id")) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private void restore(String table, List<Map<String, Object>> rows) throws Exception {
        try (Connection c = Db.owner()) {
            for (Map<String, Object> row : rows) {
                String columns = String.join(", ", row.keySet());
                String marks = String.join(", ", java.util.Collections.nCopies(row.size(), "?"));
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO " + table + " (" + columns + ") OVERRIDING SYSTEM VALUE VALUES (" + marks + ")")) {
                    int i = 1;
                    for (Object value : row.values()) {
                        p.setObject(i++, value);
                    }
                    p.execute();
                }
            }
        }
    }

    @Test
    void cuttingTheTailWithItsCheckpointedHeadIsFound() throws Exception {
        long head = signedHead();
        assertThat(verify().getString("status")).isEqualTo("VERIFIED");
        List<Map<String, Object>> tail = rows("audit_events", "chain = 'WRITE' AND id >= " + (head - 1));
        asApplication("DELETE FROM audit_events WHERE chain = 'WRITE' AND id >= " + (head - 1));
        try {
            JsonPath after = verify();
            assertThat(after.getBoolean("ok")).isFalse();
            assertThat(after.getString("status")).isEqualTo("BROKEN");
            assertThat(reason(after)).contains("checkpointed event is missing");
        } finally {
            restore("audit_events", tail);
        }
        assertThat(verify().getBoolean("ok")).isTrue();
    }

    @Test
    void aPrefixDeletedUnderTheOldSettingIsToldFromADisposal() throws Exception {
        signedHead();
        List<Map<String, Object>> first =
                rows("audit_events", "id = (SELECT min(id) FROM audit_events WHERE chain = 'WRITE')");
        asApplication("DELETE FROM audit_events WHERE id = " + first.get(0).get("id"));
        try {
            JsonPath after = verify();
            assertThat(after.getBoolean("ok")).isFalse();
            assertThat(reason(after)).contains("first event");
        } finally {
            restore("audit_events", first);
        }
        assertThat(verify().getBoolean("ok")).isTrue();
    }

    @Test
    void aRemovedCheckpointBreaksTheSignedSequence() throws Exception {
        signedHead();
        signedHead();
        List<Map<String, Object>> removed = rows(
                "audit_checkpoints",
                "chain = 'WRITE' AND sequence = (SELECT max(sequence) - 1 FROM audit_checkpoints WHERE chain = 'WRITE')");
        asApplication(
                "DELETE FROM audit_checkpoints WHERE id = " + removed.get(0).get("id"));
        try {
            JsonPath after = verify();
            assertThat(after.getBoolean("ok")).isFalse();
            assertThat(reason(after)).contains("signed sequence");
        } finally {
            restore("audit_checkpoints", removed);
        }
        assertThat(verify().getBoolean("ok")).isTrue();
    }

    @Test
    void checkpointsThatStopAreNoticed() {
        signedHead();
        TestClock.get().advance(Duration.ofHours(3)); // past twice the hourly interval, with no checkpoint
        JsonPath stale = verify();
        assertThat(stale.getBoolean("ok")).isFalse();
        assertThat(reason(stale)).contains("no checkpoint was signed");
        chain.checkpoint(); // the heartbeat: the head is signed again though nothing changed
        assertThat(verify().getBoolean("ok")).isTrue();
    }

    @Test
    void withoutAKeyTheTrailIsUnanchoredNeverOk() {
        signedHead();
        Optional<String> key = chain.replaceKeyForTests(Optional.empty());
        try {
            JsonPath v = verify();
            assertThat(v.getBoolean("ok")).isFalse();
            assertThat(v.getString("status")).isEqualTo("UNANCHORED");
            assertThat(v.getBoolean("keyConfigured")).isFalse();
        } finally {
            chain.replaceKeyForTests(key);
        }
    }

    @Test
    void eachCheckpointIsPublishedForTheTrustToKeepACopy() {
        signedHead();
        Events.awaitSettled();
        String signature = Db.first(
                "SELECT signature FROM audit_checkpoints WHERE chain = 'WRITE'" + " ORDER BY sequence DESC LIMIT 1");
        List<Map<String, Object>> published = Events.poll(Tokens.trustAdmin(), null, "types=audit.checkpointed")
                .events();
        assertThat(published).anySatisfy(e -> assertThat(e.toString()).contains(signature.strip()));
        // not for a Head: the trail is the Trust's
        assertThat(Events.poll(Tokens.head("E-tamper", TestData.newSchool()), null, null)
                        .events())
                .noneMatch(e -> "audit.checkpointed".equals(e.get("type")));
    }
}
