package org.schooltrust.smp.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.Events;
import org.schooltrust.smp.support.Holds;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/**
 * Brakes on destroying records (issue 24, item 2): one trust-admin alone cannot shorten a period or lift a hold. The
 * change waits for a second trust-admin and then for the notice period; any trust-admin can stop it meanwhile; every
 * school's Heads and DSLs are told; the database refuses a change confirmed by its proposer.
 */
@ApiTest
class RetentionBrakesTest {

    private static final Duration NOTICE = Duration.ofDays(14);

    @Inject
    RetentionService service;

    @Inject
    AgroalDataSource dataSource;

    private Duration configured;

    @BeforeEach
    void notice() {
        configured = service.noticePeriodForTests(NOTICE);
    }

    @AfterEach
    void reset() {
        service.noticePeriodForTests(configured);
        TestClock.get().reset();
        // back to the default, through the same brakes
        String current = Db.first("SELECT period FROM retention_rules WHERE record_class = 'REMINDER'");
        if (!"P1Y".equals(current)) {
            Api.as(Tokens.trustAdmin())
                    .body(Map.of("period", "P1Y"))
                    .put("/api/v1/retention-rules/{c}", "REMINDER")
                    .then()
                    .statusCode(200);
        }
    }

    private static String period(String recordClass) {
        return Api.as(Tokens.trustAdmin())
                .get("/api/v1/retention-rules")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.recordClass == '" + recordClass + "' }.period");
    }

    private static ExtractableResponse<Response> confirm(
            String token, ExtractableResponse<Response> change, int status) {
        return Api.as(token)
                .header("If-Match", change.header("ETag"))
                .post("/api/v1/retention-changes/{id}/confirm", (String) change.path("id"))
                .then()
                .statusCode(status)
                .extract();
    }

    private static void disposalRun() {
        Api.as(Tokens.trustAdmin()).post("/api/v1/disposal-runs").then().statusCode(200);
    }

    @Test
    void aShorterPeriodWaitsForASecondAdminAndTheNoticeAndEverySchoolIsTold() {
        String school = TestData.newSchool();
        String head = Tokens.head(TestData.newHrId("H"), school);
        String cursor = Events.poll(head, null, null).cursor();
        long audits = Db.count("SELECT count(*) FROM audit_events WHERE action LIKE 'retention-change.%'");

        ExtractableResponse<Response> change = Api.as(Tokens.trustAdmin())
                .body(Map.of("period", "P2M", "reason", "Reminders are operational"))
                .put("/api/v1/retention-rules/{c}", "REMINDER")
                .then()
                .statusCode(202)
                .body("status", equalTo("AWAITING_CONFIRMATION"))
                .body("kind", equalTo("SHORTEN_PERIOD"))
                .extract();
        assertThat(period("REMINDER")).as("nothing changes yet").isEqualTo("P1Y");

        // the proposer cannot confirm it; a second proposal of the same rule is refused while it is open
        confirm(Tokens.trustAdmin(), change, 403);
        Api.as(Tokens.trustAdmin())
                .body(Map.of("period", "P3M"))
                .put("/api/v1/retention-rules/{c}", "REMINDER")
                .then()
                .statusCode(409);

        ExtractableResponse<Response> confirmed = confirm(Holds.secondAdmin(), change, 200);
        assertThat((String) confirmed.path("status")).isEqualTo("CONFIRMED");
        disposalRun();
        assertThat(period("REMINDER")).as("not before the notice period").isEqualTo("P1Y");

        TestClock.get().advance(NOTICE.plusMinutes(1));
        disposalRun();
        assertThat(period("REMINDER")).isEqualTo("P2M");
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/retention-changes/{id}", (String) change.path("id"))
                .then()
                .statusCode(200)
                .body("status", equalTo("APPLIED"))
                .body("confirmedBy", equalTo("second-trust-admin"));
        assertThat(Db.count("SELECT count(*) FROM audit_events WHERE action LIKE 'retention-change.%'"))
                .as("proposed, confirmed, applied")
                .isGreaterThanOrEqualTo(audits + 3);

        Events.awaitSettled();
        List<Map<String, Object>> told = Events.poll(
                        head, cursor, "types=retention.change_proposed,retention.change_applied")
                .events();
        assertThat(told)
                .extracting(e -> e.get("type"))
                .contains("retention.change_proposed", "retention.change_applied");
        assertThat(told).allMatch(e -> school.equals(e.get("schoolUrn")));
    }

    @Test
    void aLongerPeriodAppliesAtOnce() {
        Api.as(Tokens.trustAdmin())
                .body(Map.of("period", "P2Y"))
                .put("/api/v1/retention-rules/{c}", "REMINDER")
                .then()
                .statusCode(200)
                .body("period", equalTo("P2Y"));
        // and coming back down is a shortening again
        Api.as(Tokens.trustAdmin())
                .body(Map.of("period", "P1Y"))
                .put("/api/v1/retention-rules/{c}", "REMINDER")
                .then()
                .statusCode(202);
        String id = Db.first("SELECT id::text FROM retention_changes WHERE record_class = 'REMINDER'"
                + " AND applied_at IS NULL AND cancelled_at IS NULL");
        String etag = Api.as(Tokens.trustAdmin())
                .get("/api/v1/retention-changes/{id}", id)
                .then()
                .extract()
                .header("ETag");
        Api.as(Holds.secondAdmin())
                .header("If-Match", etag)
                .post("/api/v1/retention-changes/{id}/confirm", id)
                .then()
                .statusCode(200);
        TestClock.get().advance(NOTICE.plusMinutes(1));
        disposalRun();
        assertThat(period("REMINDER")).isEqualTo("P1Y");
    }

    @Test
    void liftingAHoldIsAPendingChangeAnyAdminCanStop() {
        String school = TestData.newSchool();
        ExtractableResponse<Response> hold = Api.as(Tokens.trustAdmin())
                .body(Map.of("targetType", "SCHOOL", "targetId", school, "reason", "Inquiry"))
                .post("/api/v1/legal-holds")
                .then()
                .statusCode(201)
                .extract();
        ExtractableResponse<Response> change = Api.as(Tokens.trustAdmin())
                .header("If-Match", hold.header("ETag"))
                .post("/api/v1/legal-holds/{id}/lift", (String) hold.path("id"))
                .then()
                .statusCode(202)
                .body("kind", equalTo("LIFT_HOLD"))
                .extract();
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/legal-holds/{id}", (String) hold.path("id"))
                .then()
                .body("liftedAt", org.hamcrest.Matchers.nullValue());

        Api.as(Holds.secondAdmin())
                .header("If-Match", change.header("ETag"))
                .post("/api/v1/retention-changes/{id}/cancel", (String) change.path("id"))
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        TestClock.get().advance(NOTICE.plusDays(1));
        disposalRun();
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/legal-holds/{id}", (String) hold.path("id"))
                .then()
                .body("liftedAt", org.hamcrest.Matchers.nullValue());
        TestClock.get().reset();
        Holds.lift(hold.path("id")); // proposed again and confirmed; then, after the notice, lifted
        TestClock.get().advance(NOTICE.plusDays(1));
        disposalRun();
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/legal-holds/{id}", (String) hold.path("id"))
                .then()
                .body("liftedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void theDatabaseRefusesAChangeConfirmedByItsProposer() throws Exception {
        Api.as(Tokens.trustAdmin())
                .body(Map.of("period", "P6M"))
                .put("/api/v1/retention-rules/{c}", "REMINDER")
                .then()
                .statusCode(202);
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE retention_changes SET confirmed_by = proposed_by,"
                            + " confirmed_at = now() WHERE record_class = 'REMINDER' AND applied_at IS NULL"))
                    .hasMessageContaining("check");
        }
        String id = Db.first("SELECT id::text FROM retention_changes WHERE record_class = 'REMINDER'"
                + " AND applied_at IS NULL AND cancelled_at IS NULL");
        String etag = Api.as(Tokens.trustAdmin())
                .get("/api/v1/retention-changes/{id}", id)
                .then()
                .extract()
                .header("ETag");
        Api.as(Tokens.trustAdmin())
                .header("If-Match", etag)
                .post("/api/v1/retention-changes/{id}/cancel", id)
                .then()
                .statusCode(200);
    }
}
