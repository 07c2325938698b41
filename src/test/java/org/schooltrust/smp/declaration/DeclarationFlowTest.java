package org.schooltrust.smp.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.common.db.AdvisoryLocks;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

@ApiTest
class DeclarationFlowTest {

    String school;
    String otherSchool;
    String hrId;
    String staff;
    String head;
    String pupil;

    @BeforeEach
    void anAdultTheirHeadAndAPupil() {
        school = TestData.newSchool();
        otherSchool = TestData.newSchool();
        hrId = TestData.hrAdultAt(school);
        staff = Tokens.staff(hrId, school);
        head = Tokens.head("H-" + hrId, school);
        pupil = "PUP-" + hrId;
    }

    private Map<String, Object> declaration(String pupilId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schoolUrn", school);
        body.put("pupilMisId", pupilId);
        body.put("pupilName", "Priya Secretname");
        body.put("relationship", "AUNT_UNCLE");
        body.put("note", "My sister's daughter");
        return body;
    }

    private Response declare() {
        return Api.as(staff).body(declaration(pupil)).post("/api/v1/me/family-declarations");
    }

    private String base(String id) {
        return "/api/v1/schools/" + school + "/family-declarations/" + id;
    }

    private Response acknowledge(String id, String etag) {
        return Api.as(head)
                .header("If-Match", etag)
                .body(Map.of(
                        "discussedOn",
                        LocalDate.now().minusDays(1).toString(),
                        "agreedProtocols",
                        "No school talk online."))
                .post(base(id) + "/acknowledge");
    }

    private Response check(String token, String urn, List<Map<String, String>> pairs) {
        return Api.as(token).body(Map.of("pairs", pairs)).post("/api/v1/schools/{urn}/family-links/check", urn);
    }

    @Test
    void declareAcknowledgeThenTheMisSeesTheLinkButNoName() {
        Response submitted = declare();
        submitted.then().statusCode(201).body("status", equalTo("SUBMITTED")).body("staffHrId", equalTo(hrId));
        String id = submitted.path("id");
        check(Tokens.mis(school), school, List.of(Map.of("staffHrId", hrId, "pupilMisId", pupil)))
                .then()
                .statusCode(200)
                .body("results[0].status", equalTo("PENDING"))
                .body("results[0].relationship", nullValue());

        acknowledge(id, submitted.header("ETag"))
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("reviewedBy", equalTo("H-" + hrId))
                .body(
                        "reconfirmBy",
                        equalTo(LocalDate.now(java.time.ZoneOffset.UTC)
                                .plusMonths(12)
                                .toString()));

        Response result = check(
                Tokens.mis(school),
                school,
                List.of(
                        Map.of("staffHrId", hrId, "pupilMisId", pupil),
                        Map.of("staffHrId", hrId, "pupilMisId", "SOMEONE-ELSE"),
                        Map.of("staffHrId", "NO-SUCH", "pupilMisId", pupil)));
        result.then()
                .statusCode(200)
                .body("results.status", equalTo(List.of("ACKNOWLEDGED", "NONE", "NONE")))
                .body("results[0].relationship", equalTo("AUNT_UNCLE"));
        assertThat(result.asString())
                .doesNotContain("Secretname")
                .doesNotContain("sister")
                .doesNotContain("school talk");

        Api.as(Tokens.mis(school))
                .get("/api/v1/schools/{urn}/family-links", school)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void twoHeadsAcknowledgingTheSameVersionOneWinsTheOtherGets412() {
        Response submitted = declare();
        String id = submitted.path("id");
        String etag = submitted.header("ETag");
        acknowledge(id, etag).then().statusCode(200);
        String otherHead = Tokens.head("H2-" + hrId, school);
        Api.as(otherHead)
                .header("If-Match", etag)
                .body(Map.of("reason", "Not family"))
                .post(base(id) + "/decline")
                .then()
                .statusCode(412);
        Api.as(otherHead)
                .body(Map.of("discussedOn", "2026-01-01", "agreedProtocols", "x"))
                .post(base(id) + "/acknowledge")
                .then()
                .statusCode(428);
    }

    @Test
    void illegalTransitionsAre409AndAnActiveDuplicateIs409() {
        Response submitted = declare();
        String id = submitted.path("id");
        declare().then().statusCode(409);
        String etag = Api.as(head)
                .header("If-Match", submitted.header("ETag"))
                .body(Map.of("question", "Since when?"))
                .post(base(id) + "/request-info")
                .then()
                .statusCode(200)
                .body("status", equalTo("INFO_REQUESTED"))
                .extract()
                .header("ETag");
        acknowledge(id, etag).then().statusCode(409);
        String answered = Api.as(staff)
                .header("If-Match", etag)
                .body(Map.of("answer", "Since birth"))
                .post("/api/v1/me/family-declarations/{id}/answer", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .extract()
                .header("ETag");
        String withdrawn = Api.as(staff)
                .header("If-Match", answered)
                .post("/api/v1/me/family-declarations/{id}/withdraw", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .extract()
                .header("ETag");
        Api.as(staff)
                .header("If-Match", withdrawn)
                .post("/api/v1/me/family-declarations/{id}/reconfirm", id)
                .then()
                .statusCode(409);
        declare().then().statusCode(201);
    }

    @Test
    void staffSeeOnlyTheirOwnAndOtherSchoolsAnswer404() {
        String id = declare().path("id");
        String colleague = TestData.hrAdultAt(school);
        Api.as(Tokens.staff(colleague, school))
                .get("/api/v1/me/family-declarations/{id}", id)
                .then()
                .statusCode(404);
        Api.as(Tokens.staff(colleague, school))
                .get("/api/v1/me/family-declarations")
                .then()
                .body("items.id", not(hasItem(id)));
        Api.as(staff)
                .get("/api/v1/me/family-declarations/{id}", id)
                .then()
                .statusCode(200)
                .body("pupilName", equalTo("Priya Secretname"));

        String otherHead = Tokens.head("HX", otherSchool);
        Api.as(otherHead).get(base(id)).then().statusCode(404);
        Api.as(otherHead)
                .get("/api/v1/schools/{urn}/family-declarations", school)
                .then()
                .statusCode(404);
        Api.as(otherHead)
                .get("/api/v1/schools/{urn}/family-declarations/{id}", otherSchool, id)
                .then()
                .statusCode(404);
        check(Tokens.mis(otherSchool), school, List.of(Map.of("staffHrId", hrId, "pupilMisId", pupil)))
                .then()
                .statusCode(404);
        Api.as(Tokens.mis(otherSchool))
                .get("/api/v1/schools/{urn}/family-links", school)
                .then()
                .statusCode(404);
        Api.as(Tokens.mis(otherSchool))
                .post("/api/v1/schools/{urn}/pupils/{p}/left", school, pupil)
                .then()
                .statusCode(404);

        // the Trust reviews only declarations made by Heads: another adult's is not visible to it
        Api.as(Tokens.trustAdmin()).get(base(id)).then().statusCode(404);
        String trust = Tokens.trustAdmin();
        for (String token : List.of(trust, Tokens.hrSync(), Tokens.registerReader(), staff)) {
            if (token != trust) {
                Api.as(token).get(base(id)).then().statusCode(403);
            }
            check(token, school, List.of(Map.of("staffHrId", hrId, "pupilMisId", pupil)))
                    .then()
                    .statusCode(403);
        }
        for (String token :
                List.of(Tokens.hrSync(), Tokens.mis(school), Tokens.registerReader(), Tokens.trustAdmin())) {
            Api.as(token)
                    .body(declaration("X"))
                    .post("/api/v1/me/family-declarations")
                    .then()
                    .statusCode(403);
        }
        Api.anonymous().get("/api/v1/me/family-declarations").then().statusCode(401);
        Api.as(head).get(base(id)).then().statusCode(200);
        assertThat(Db.count(
                        "SELECT count(*) FROM audit_events WHERE action = 'family-declaration.read' AND target_id = ?",
                        id))
                .isEqualTo(2);
    }

    @Test
    void trustAdminSeesCountsNotNames() {
        declare().then().statusCode(201);
        Response summary = Api.as(Tokens.trustAdmin()).get("/api/v1/family-declarations/summary");
        summary.then().statusCode(200).body("items.schoolUrn", hasItem(school));
        assertThat(summary.asString()).doesNotContain("Priya").doesNotContain(pupil);
        Api.as(head).get("/api/v1/family-declarations/summary").then().statusCode(403);
    }

    @Test
    void nilReturnSeparatesDeclaredNothingFromNotAnswered() {
        String silent = TestData.hrAdultAt(school);
        String nil = TestData.hrAdultAt(school);
        declare().then().statusCode(201);
        Api.as(Tokens.staff(nil, school))
                .body(Map.of("schoolUrn", school))
                .post("/api/v1/me/family-nil-returns")
                .then()
                .statusCode(201);
        Api.as(Tokens.staff(nil, school))
                .body(Map.of("schoolUrn", otherSchool))
                .post("/api/v1/me/family-nil-returns")
                .then()
                .statusCode(422);
        List<String> unanswered = Api.as(head)
                .get("/api/v1/schools/{urn}/family-declarations/not-answered?limit=1000", school)
                .then()
                .statusCode(200)
                .extract()
                .path("items.hrId");
        assertThat(unanswered).contains(silent).doesNotContain(nil, hrId);
    }

    @Test
    void pupilLeftEndsActiveDeclarationsIdempotentlyAndLeavesATombstone() {
        Response submitted = declare();
        String id = submitted.path("id");
        acknowledge(id, submitted.header("ETag")).then().statusCode(200);
        String since = Instant.now().minusSeconds(60).toString();
        Api.as(Tokens.mis(school))
                .post("/api/v1/schools/{urn}/pupils/{p}/left", school, pupil)
                .then()
                .statusCode(200)
                .body("ended", equalTo(1));
        Api.as(Tokens.mis(school))
                .post("/api/v1/schools/{urn}/pupils/{p}/left", school, pupil)
                .then()
                .body("ended", equalTo(0));
        Api.as(staff)
                .get("/api/v1/me/family-declarations/{id}", id)
                .then()
                .body("status", equalTo("ENDED"))
                .body("endReason", equalTo("PUPIL_LEFT"));
        Api.as(Tokens.mis(school))
                .get("/api/v1/schools/{urn}/family-links?updatedSince={s}", school, since)
                .then()
                .body("items.find { it.id == '" + id + "' }.status", equalTo("REMOVED"))
                .body("items.find { it.id == '" + id + "' }.relationship", nullValue());
        check(Tokens.mis(school), school, List.of(Map.of("staffHrId", hrId, "pupilMisId", pupil)))
                .then()
                .body("results[0].status", equalTo("NONE"));
    }

    @Test
    void adultLeavingTheSchoolEndsTheirDeclarationsThere() {
        String id = declare().path("id");
        Api.as(Tokens.hrSync())
                .body(TestData.anAdult(hrId).at(otherSchool).build())
                .put("/api/v1/staff/{id}", hrId)
                .then()
                .statusCode(200);
        Api.as(Tokens.staff(hrId, otherSchool))
                .get("/api/v1/me/family-declarations/{id}", id)
                .then()
                .body("status", equalTo("ENDED"))
                .body("endReason", equalTo("ADULT_LEFT"));
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        long before = Db.count("SELECT count(*) FROM family_declarations");
        Map<String, Object> other = declaration(pupil);
        other.put("relationship", "OTHER");
        Api.as(staff)
                .body(other)
                .post("/api/v1/me/family-declarations")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("relationshipOther"));
        Map<String, Object> bad = declaration("bad pupil id!");
        bad.put("relationship", "FRIEND");
        bad.put("pupilName", "");
        Api.as(staff)
                .body(bad)
                .post("/api/v1/me/family-declarations")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("pupilMisId"))
                .body("errors.field", hasItem("relationship"))
                .body("errors.field", hasItem("pupilName"));
        Map<String, Object> elsewhere = declaration(pupil);
        elsewhere.put("schoolUrn", otherSchool);
        Api.as(staff)
                .body(elsewhere)
                .post("/api/v1/me/family-declarations")
                .then()
                .statusCode(422);
        Api.as(staff)
                .body("{\"schoolUrn\": [")
                .post("/api/v1/me/family-declarations")
                .then()
                .statusCode(400);
        assertThat(Db.count("SELECT count(*) FROM family_declarations")).isEqualTo(before);

        List<Map<String, String>> tooMany = new ArrayList<>();
        for (int i = 0; i <= 1000; i++) {
            tooMany.add(Map.of("staffHrId", hrId, "pupilMisId", "P" + i));
        }
        check(Tokens.mis(school), school, tooMany).then().statusCode(422).body("errors.field", hasItem("pairs"));
        check(Tokens.mis(school), school, List.of(Map.of("staffHrId", "x y", "pupilMisId", "p")))
                .then()
                .statusCode(422);
    }

    @Test
    void idempotencyKeyReplaysTheFirstDeclaration() {
        String first = Api.as(staff)
                .header("Idempotency-Key", "k-" + hrId)
                .body(declaration(pupil))
                .post("/api/v1/me/family-declarations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.as(staff)
                .header("Idempotency-Key", "k-" + hrId)
                .body(declaration(pupil))
                .post("/api/v1/me/family-declarations")
                .then()
                .statusCode(201) // a replay answers with the first response's status and body
                .body("id", equalTo(first));
        Api.as(staff)
                .header("Idempotency-Key", "k-" + hrId)
                .body(declaration("OTHER-PUPIL"))
                .post("/api/v1/me/family-declarations")
                .then()
                .statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("/idempotency-key-reused"));
        Map<String, Object> otherNote = declaration(pupil);
        otherNote.put("note", "A different note");
        Api.as(staff)
                .header("Idempotency-Key", "k-" + hrId)
                .body(otherNote)
                .post("/api/v1/me/family-declarations")
                .then()
                .statusCode(422);
        assertThat(Db.count(
                        "SELECT count(*) FROM family_declarations d JOIN idempotent_requests k"
                                + " ON k.target_id = d.id::text WHERE k.key = ?",
                        "k-" + hrId))
                .isEqualTo(1);
    }

    @jakarta.inject.Inject
    DepartureSweep sweep;

    @Test
    void aHeadCannotReviewTheirOwnDeclaration() {
        String selfReviewing = Tokens.head(hrId, school);
        Response submitted = Api.as(selfReviewing).body(declaration(pupil)).post("/api/v1/me/family-declarations");
        submitted.then().statusCode(201);
        Api.as(selfReviewing)
                .header("If-Match", submitted.header("ETag"))
                .body(Map.of("discussedOn", "2026-01-01", "agreedProtocols", "x"))
                .post(base(submitted.path("id")) + "/acknowledge")
                .then()
                .statusCode(403);
    }

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void aHumanReadIsAuditedOffTheWriteChainLockAndIdenticalReadsAreRecordedOnce() throws Exception {
        String id = declare().path("id");
        long before = Db.count(
                "SELECT count(*) FROM audit_events WHERE action = 'family-declaration.read' AND target_id = ?", id);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (java.sql.Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            // a long write elsewhere holds the write chain's lock; the Head's audited reads must not wait for it
            try (var lock = holder.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, AdvisoryLocks.Lock.AUDIT_CHAIN.key());
                lock.execute();
            }
            var read = pool.submit(() -> {
                Api.as(head).get(base(id)).then().statusCode(200);
                Api.as(head).get(base(id)).then().statusCode(200);
                Api.as(head)
                        .get("/api/v1/schools/{urn}/family-declarations", school)
                        .then()
                        .statusCode(200);
                return true;
            });
            assertThat(read.get(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            holder.rollback();
        } finally {
            pool.shutdownNow();
        }
        assertThat(Db.count(
                        "SELECT count(*) FROM audit_events WHERE action = 'family-declaration.read' AND target_id = ?"
                                + " AND chain = 'READ'",
                        id))
                .as("three identical reads by one Head within the window are one audit event")
                .isEqualTo(before + 1);
        Api.as(Tokens.head("H3-" + hrId, school)).get(base(id)).then().statusCode(200);
        assertThat(Db.count(
                        "SELECT count(*) FROM audit_events WHERE action = 'family-declaration.read' AND target_id = ?",
                        id))
                .as("another reader is another event")
                .isEqualTo(before + 2);
    }

    @Test
    void myDeclarationsArePaged() {
        declare().then().statusCode(201);
        Api.as(staff)
                .body(declaration("PUP2-" + hrId))
                .post("/api/v1/me/family-declarations")
                .then()
                .statusCode(201);
        Response first = Api.as(staff).get("/api/v1/me/family-declarations?limit=1");
        first.then().statusCode(200).body("items.size()", equalTo(1)).header("Link", containsString("rel=\"next\""));
        Api.as(staff)
                .get("/api/v1/me/family-declarations?limit=1&cursor={c}", (String) first.path("nextCursor"))
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void aWeakTagOrStarDoesNotProveWhichVersionTheHeadReviewed() {
        Response declared = declare();
        String id = declared.path("id");
        String etag = declared.header("ETag");
        acknowledge(id, "W/" + etag).then().statusCode(412).contentType("application/problem+json");
        acknowledge(id, "*").then().statusCode(412);
        Api.as(head).get(base(id)).then().body("status", equalTo("SUBMITTED"));
        acknowledge(id, etag).then().statusCode(200);
    }

    @Test
    void aHeadsOwnDeclarationIsReviewedByTheTrustWhichSeesNoOtherDeclarations() {
        String soleHead = Tokens.head(hrId, school);
        Response submitted = Api.as(soleHead).body(declaration(pupil)).post("/api/v1/me/family-declarations");
        submitted.then().statusCode(201);
        String headsOwn = submitted.path("id");
        String staffDeclaration = Api.as(Tokens.staff(TestData.hrAdultAt(school), school))
                .body(declaration("PUP-T-" + hrId))
                .post("/api/v1/me/family-declarations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String trust = Tokens.trustAdmin();
        Api.as(trust)
                .get("/api/v1/schools/{urn}/family-declarations?limit=1000", school)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(headsOwn))
                .body("items.id", not(hasItem(staffDeclaration)));
        Api.as(trust).get(base(staffDeclaration)).then().statusCode(404);
        Api.as(trust)
                .header("If-Match", "\"1\"")
                .body(Map.of("discussedOn", "2026-01-01", "agreedProtocols", "x"))
                .post(base(staffDeclaration) + "/acknowledge")
                .then()
                .statusCode(404);
        String etag = Api.as(trust)
                .get(base(headsOwn))
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        Api.as(trust)
                .header("If-Match", etag)
                .body(Map.of("discussedOn", "2026-01-01", "agreedProtocols", "Only in school hours."))
                .post(base(headsOwn) + "/acknowledge")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));
        Api.as(trust)
                .get("/api/v1/schools/{urn}/family-declarations/not-answered", school)
                .then()
                .statusCode(403);
    }

    @Test
    void anEndedAssignmentEndsDeclarationsAtOnceOrWhenItsEndDatePasses() {
        String id = declare().path("id");
        String yesterday = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
        Api.as(Tokens.hrSync())
                .body(TestData.anAdult(hrId)
                        .with(
                                "assignments",
                                List.of(Map.of("schoolUrn", school, "startDate", "2024-09-01", "endDate", yesterday)))
                        .build())
                .put("/api/v1/staff/{id}", hrId)
                .then()
                .statusCode(200);
        Api.as(head).get(base(id)).then().body("status", equalTo("ENDED")).body("endReason", equalTo("ADULT_LEFT"));

        String later = TestData.hrAdultAt(school);
        String laterId = Api.as(Tokens.staff(later, school))
                .body(declaration("PUP-" + later))
                .post("/api/v1/me/family-declarations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // HR records that the adult leaves today: still current today, so nothing ends yet
        Api.as(Tokens.hrSync())
                .body(TestData.anAdult(later)
                        .with(
                                "assignments",
                                List.of(Map.of(
                                        "schoolUrn",
                                        school,
                                        "startDate",
                                        "2024-09-01",
                                        "endDate",
                                        LocalDate.now(java.time.ZoneOffset.UTC).toString())))
                        .build())
                .put("/api/v1/staff/{id}", later)
                .then()
                .statusCode(200);
        Api.as(head).get(base(laterId)).then().body("status", equalTo("SUBMITTED"));
        // two days later the end date has passed: the hourly sweep ends the declaration (time moves, rows don't)
        TestClock clock = TestClock.get();
        try {
            clock.advance(java.time.Duration.ofDays(2));
            assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);
            Api.as(head)
                    .get(base(laterId))
                    .then()
                    .body("status", equalTo("ENDED"))
                    .body("endReason", equalTo("ADULT_LEFT"));
            assertThat(sweep.sweep()).isZero();
        } finally {
            clock.reset();
        }
    }

    @Test
    void aRetryRacingItsOriginalReplaysIt() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(pool.submit(() -> Api.as(staff)
                        .header("Idempotency-Key", "race-" + hrId)
                        .body(declaration(pupil))
                        .post("/api/v1/me/family-declarations")));
            }
            List<Response> responses = new ArrayList<>();
            for (var call : calls) {
                responses.add(call.get());
            }
            assertThat(responses.stream().map(Response::statusCode)).containsOnly(201);
            assertThat(responses.stream().map(r -> (String) r.path("id")).distinct())
                    .hasSize(1);
        } finally {
            pool.shutdown();
        }
    }
}
