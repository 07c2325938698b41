package org.schooltrust.smp.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

@ApiTest
class AuditTrailTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aChangeIsRecordedWithActorClientAndRequestIdButNoPersonalValues() {
        String school = TestData.newSchool();
        String hrId = TestData.newHrId("AU");
        Api.as(Tokens.hrSync())
                .header("X-Request-Id", "audit-test-" + hrId)
                .body(TestData.anAdult(hrId)
                        .at(school)
                        .with("lastName", "Uniquesurname")
                        .build())
                .put("/api/v1/staff/{id}", hrId)
                .then()
                .statusCode(201);
        Response events = Api.as(Tokens.trustAdmin()).get("/api/v1/audit-events?targetType=adult&targetId={id}", hrId);
        events.then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].action", equalTo("staff.created"))
                .body("items[0].actorSubject", equalTo("service-account-hr-sync"))
                .body("items[0].actorRoles", hasItem("hr-sync"))
                .body("items[0].clientId", equalTo("hr-sync"))
                .body("items[0].schoolUrn", equalTo(school))
                .body("items[0].requestId", equalTo("audit-test-" + hrId))
                .body("items[0].changedFields", hasItem("lastName"));
        assertThat(events.asString()).doesNotContain("Uniquesurname").doesNotContain("@school.example");
    }

    @Test
    void theActorIsTheTokenSubjectNotTheUsername() {
        // Keycloak and Entra put a username (preferred_username, upn) in the token, which Quarkus prefers as the
        // principal name; the trail records the stable, opaque "sub" as its contract says.
        String subject = "8d7c1e52-" + TestData.newHrId("SUB");
        String hrId = TestData.newHrId("AS");
        Api.as(Tokens.hrSyncWithOpaqueSubject(subject))
                .body(TestData.anAdult(hrId).at(TestData.newSchool()).build())
                .put("/api/v1/staff/{id}", hrId)
                .then()
                .statusCode(201);
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/audit-events?targetType=adult&targetId={id}", hrId)
                .then()
                .statusCode(200)
                .body("items[0].actorSubject", equalTo(subject));
    }

    @Test
    void onlyTrustAdminReadsTheTrail() {
        for (String token : List.of(
                Tokens.hrSync(),
                Tokens.head("H", "100001"),
                Tokens.staff("S", "100001"),
                Tokens.mis("100001"),
                Tokens.registerReader())) {
            Api.as(token).get("/api/v1/audit-events").then().statusCode(403);
        }
        Api.anonymous().get("/api/v1/audit-events").then().statusCode(401);
    }

    @Test
    void rowsCannotBeUpdatedOrDeleted() throws SQLException {
        TestData.newSchool();
        // the application's own login holds no UPDATE, DELETE or TRUNCATE on the trail at all (two roles, issue 24)
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SELECT set_config('smp.disposal', 'on', false)");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_events SET action = 'x'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_events"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE audit_events"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM concern_evidence"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM concerns")).hasMessageContaining("permission denied");
            // nor through the owner's disposal function, for records no disposal run has certified
            assertThatThrownBy(() -> s.executeQuery("SELECT smp_dispose('audit_events', ARRAY(SELECT id::text FROM"
                            + " audit_events ORDER BY id LIMIT 1))"))
                    .hasMessageContaining("certified");
            s.execute("RESET smp.disposal");
        }
        // and the schema's owner meets the append-only triggers
        try (Connection c = Db.owner();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_events SET action = 'x'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_events"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void everyEventChainsToThePreviousOne() throws SQLException {
        TestData.newSchool();
        TestData.newSchool();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT chain, prev_hash, hash FROM audit_events ORDER BY id")) {
            // two chains in one table: changes, and human reads (each link names the previous of its own chain)
            java.util.Map<String, String> previous = new java.util.HashMap<>();
            int rows = 0;
            while (rs.next()) {
                assertThat(rs.getString(2)).isEqualTo(previous.get(rs.getString(1)));
                previous.put(rs.getString(1), rs.getString(3));
                rows++;
            }
            assertThat(rows).isGreaterThanOrEqualTo(2);
        }
    }
}
