package org.schooltrust.smp.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.audit.AuditChain;
import org.schooltrust.smp.common.db.AdvisoryLocks;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.Holds;
import org.schooltrust.smp.support.Policies;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/**
 * Holds that hold (issue 24, item 5): the per-record read and the disposal job agree — a concern is held by a hold on
 * the adult it is about and on the school handling it (wherever it was raised), and a policy version still
 * acknowledged is not running towards disposal; a hold placed while a disposal batch runs waits for the batch.
 */
@ApiTest
class LegalHoldsTest {

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void reset() {
        TestClock.get().reset();
    }

    private static ExtractableResponse<Response> hold(String type, String target) {
        return Api.as(Tokens.trustAdmin())
                .body(Map.of("targetType", type, "targetId", target, "reason", "Inquiry: do not destroy"))
                .post("/api/v1/legal-holds")
                .then()
                .statusCode(201)
                .extract();
    }

    private static void lift(ExtractableResponse<Response> hold) {
        Holds.lift(hold.path("id"));
    }

    private static boolean held(String recordClass, String id) {
        return Api.as(Tokens.trustAdmin())
                .get("/api/v1/retention-rules/{c}/records/{id}", recordClass, id)
                .then()
                .statusCode(200)
                .extract()
                .path("held");
    }

    /** Raised at {@code raisedAt} by a reporter there, about an adult who works only at {@code worksAt}; closed. */
    private static String closedConcernAbout(String raisedAt, String worksAt, String about) {
        String reporter = TestData.hrAdultAt(raisedAt);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schoolUrn", raisedAt);
        body.put("category", "CYBERBULLYING");
        body.put(
                "occurredAt",
                Instant.now()
                        .minus(1, ChronoUnit.HOURS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        body.put("description", "Something happened online.");
        body.put("aboutStaffHrId", about);
        String id = Api.as(Tokens.staff(reporter, raisedAt))
                .body(body)
                .post("/api/v1/me/concerns")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String head = Tokens.head(TestData.newHrId("H"), worksAt);
        String etag = Api.as(head)
                .get("/api/v1/schools/{urn}/concerns/{id}", worksAt, id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        Api.as(head)
                .header("If-Match", etag)
                .body(Map.of("outcome", "RESOLVED"))
                .post("/api/v1/schools/{urn}/concerns/{id}/close", worksAt, id)
                .then()
                .statusCode(200);
        return id;
    }

    private static void disposeAfter(java.time.Period period) {
        LocalDate today = LocalDate.now(TestClock.get());
        TestClock.get().advance(Duration.ofDays(ChronoUnit.DAYS.between(today, today.plus(period)) + 1));
        Api.as(Tokens.trustAdmin()).post("/api/v1/disposal-runs").then().statusCode(200);
    }

    @Test
    void aConcernIsHeldByAHoldOnTheAdultItIsAboutAndOnTheSchoolHandlingIt() {
        String raisedAt = TestData.newSchool();
        String handledAt = TestData.newSchool();
        String aboutAdult = TestData.hrAdultAt(handledAt);
        String aboutAnother = TestData.hrAdultAt(handledAt);
        String byAdult = closedConcernAbout(raisedAt, handledAt, aboutAdult);
        String bySchool = closedConcernAbout(raisedAt, handledAt, aboutAnother);
        assertThat(held("CONCERN", byAdult)).isFalse();

        var adultHold = hold("ADULT", aboutAdult);
        assertThat(held("CONCERN", byAdult)).as("the adult it is about is held").isTrue();
        assertThat(held("CONCERN", bySchool)).isFalse();
        var schoolHold = hold("SCHOOL", handledAt);
        assertThat(held("CONCERN", bySchool))
                .as("the school handling it is held")
                .isTrue();

        disposeAfter(RecordClass.CONCERN.floor());
        assertThat(Db.count("SELECT count(*) FROM concerns WHERE id IN (?::uuid, ?::uuid)", byAdult, bySchool))
                .as("the job keeps what the read says is held")
                .isEqualTo(2);
        lift(adultHold);
        lift(schoolHold);
        Api.as(Tokens.trustAdmin()).post("/api/v1/disposal-runs").then().statusCode(200);
        assertThat(Db.count("SELECT count(*) FROM concerns WHERE id IN (?::uuid, ?::uuid)", byAdult, bySchool))
                .isZero();
    }

    @Inject
    AuditChain chain;

    @Test
    void theAuditPrefixStopsAtTheFirstEventUnderAHold() {
        String school = TestData.newSchool();
        String first = Db.first(
                "SELECT id::text FROM audit_events WHERE school_urn = ? OR target_id = ? ORDER BY id LIMIT 1",
                school,
                school);
        assertThat(held("AUDIT_EVENT", first)).isFalse();
        var schoolHold = hold("SCHOOL", school);
        assertThat(held("AUDIT_EVENT", first)).as("the read says held").isTrue();
        TestData.newSchool(); // an event after it, then a checkpoint: disposal only reaches events before one
        chain.checkpoint();
        disposeAfter(RecordClass.AUDIT_EVENT.floor().plusYears(1));
        assertThat(Db.count("SELECT count(*) FROM audit_events WHERE id = ?::bigint", first))
                .as("the job keeps it, and every event after it")
                .isEqualTo(1);
        lift(schoolHold);
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/audit-events/verify")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true));
    }

    @Test
    void theRecordsActsAreAChainKeptForTheLongestPeriod() {
        String school = TestData.newSchool();
        var schoolHold = hold("SCHOOL", school);
        String placed = Db.first(
                "SELECT id::text FROM audit_events WHERE action = 'legal-hold.placed' AND target_id = ?",
                (String) schoolHold.path("id"));
        assertThat(Db.first("SELECT chain FROM audit_events WHERE id = ?::bigint", placed))
                .isEqualTo("RECORDS");
        lift(schoolHold);
        TestData.newSchool();
        chain.checkpoint();
        disposeAfter(RecordClass.AUDIT_EVENT.floor().plusYears(1));
        assertThat(Db.count("SELECT count(*) FROM audit_events WHERE id = ?::bigint", placed))
                .as("past the audit period, the record of the hold is still kept")
                .isEqualTo(1);
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/audit-events/verify")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true));
    }

    @Test
    void aPolicyVersionStillAcknowledgedIsNotRunningTowardsDisposal() {
        String school = TestData.newSchool();
        String adult = TestData.hrAdultAt(school);
        String slug = Policies.newPolicy();
        String sha = Policies.publish(slug, Policies.version("1.0", "Version one.", true, school));
        Api.as(Tokens.staff(adult, school))
                .body(Policies.ack(slug, "1.0", school, sha))
                .post("/api/v1/me/acknowledgements")
                .then()
                .statusCode(201);
        String first = Db.first(
                "SELECT v.id::text FROM policy_versions v JOIN policies p ON p.id = v.policy_id"
                        + " WHERE p.slug = ? AND v.label = '1.0'",
                slug);
        Policies.publish(slug, Policies.version("2.0", "Version two.", true, school));
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/retention-rules/POLICY_VERSION/records/{id}", first)
                .then()
                .statusCode(200)
                .body("basisDate", nullValue())
                .body("disposalDate", nullValue())
                .body("held", equalTo(false));
    }

    @Test
    void aHoldPlacedWhileADisposalBatchRunsWaitsForIt() throws Exception {
        String school = TestData.newSchool();
        try (Connection batch = dataSource.getConnection()) {
            batch.setAutoCommit(false);
            try (Statement s = batch.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + AdvisoryLocks.Lock.DISPOSAL.key() + ")");
            }
            CompletableFuture<Integer> placing = CompletableFuture.supplyAsync(() -> Api.as(Tokens.trustAdmin())
                    .body(Map.of("targetType", "SCHOOL", "targetId", school, "reason", "Inquiry"))
                    .post("/api/v1/legal-holds")
                    .statusCode());
            Thread.sleep(500);
            assertThat(placing)
                    .as("the hold waits while the batch holds the disposal lock")
                    .isNotDone();
            batch.commit();
            assertThat(placing.get(30, TimeUnit.SECONDS)).isEqualTo(201);
        }
        String id = Db.first("SELECT id::text FROM legal_holds WHERE target_id = ? AND lifted_at IS NULL", school);
        Holds.lift(id);
    }
}
