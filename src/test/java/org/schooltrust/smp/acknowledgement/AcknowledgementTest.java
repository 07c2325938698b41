package org.schooltrust.smp.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.Policies;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

@ApiTest
class AcknowledgementTest {

    String school;
    String hrId;
    String token;
    String slug;
    String sha;

    @BeforeEach
    void anAdultAndAPolicyForTheirSchool() {
        school = TestData.newSchool();
        hrId = TestData.hrAdultAt(school);
        token = Tokens.staff(hrId, school);
        slug = Policies.newPolicy();
        sha = Policies.publish(slug, Policies.version("1.0", "1. Rules\n1.1 Be careful online.\n", true, school));
    }

    private Response ack(Map<String, Object> body) {
        return Api.as(token).header("User-Agent", "portal/1.0").body(body).post("/api/v1/me/acknowledgements");
    }

    private String statusOf(String policy) {
        List<Map<String, Object>> items = Api.as(token)
                .get("/api/v1/me/requirements")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return items.stream()
                .filter(r ->
                        r.get("policy").equals(policy) && r.get("schoolUrn").equals(school))
                .map(r -> (String) r.get("status"))
                .findFirst()
                .orElse("ABSENT");
    }

    @Test
    void acknowledgeOnceAndARepeatReturnsTheSameRecord() {
        assertThat(statusOf(slug)).isEqualTo("DUE");
        Response first = ack(Policies.ack(slug, "1.0", school, sha));
        first.then()
                .statusCode(201)
                .body("id", notNullValue())
                .body("clientId", equalTo("staff-portal"))
                .body("userAgent", equalTo("portal/1.0"))
                .body("statements", equalTo(Policies.STATEMENTS));
        ack(Policies.ack(slug, "1.0", school, sha)).then().statusCode(200).body("id", equalTo(first.path("id")));
        assertThat(statusOf(slug)).isEqualTo("DONE");
        Api.as(token).get("/api/v1/me/acknowledgements").then().body("items.id", hasItem((String) first.path("id")));
        assertThat(Db.count(
                        "SELECT count(*) FROM audit_events WHERE action = 'acknowledgement.created' AND target_id = ?",
                        (String) first.path("id")))
                .isEqualTo(1);
    }

    @Test
    void hashMismatchSupersededAndRetiredVersionsAre409() {
        ack(Policies.ack(slug, "1.0", school, "a".repeat(64)))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/body-hash-mismatch"));
        Policies.publish(slug, Policies.version("2.0", "1. Rules\n1.1 Be very careful.\n", true, school));
        ack(Policies.ack(slug, "1.0", school, sha)).then().statusCode(409);
        String etag = Api.as(Tokens.trustAdmin())
                .get("/api/v1/policies/{s}/versions/2.0", slug)
                .header("ETag");
        String sha2 = Api.as(Tokens.trustAdmin())
                .header("If-Match", etag)
                .post("/api/v1/policies/{s}/versions/2.0/retire", slug)
                .path("bodySha256");
        ack(Policies.ack(slug, "2.0", school, sha2)).then().statusCode(409);
        assertThat(Db.count(
                        "SELECT count(*) FROM acknowledgements k JOIN adults a ON a.id = k.adult_id WHERE a.hr_id = ?",
                        hrId))
                .isZero();
    }

    @Test
    void everyStatementMustBeAcceptedAndTheSchoolMustBeTheirs() {
        Map<String, Object> missing = Policies.ack(slug, "1.0", school, sha);
        missing.put("statements", List.of("READ_AND_UNDERSTOOD"));
        ack(missing).then().statusCode(422).body("errors.message", hasItem("must include MONITORING_CONSENT"));
        String other = TestData.newSchool();
        ack(Policies.ack(slug, "1.0", other, sha)).then().statusCode(422).body("errors.field", hasItem("schoolUrn"));
        ack(Policies.ack(slug, "9.9", school, sha)).then().statusCode(422);
        ack(Map.of("policy", slug)).then().statusCode(422);
        Api.as(token)
                .body("{\"policy\": ")
                .post("/api/v1/me/acknowledgements")
                .then()
                .statusCode(400);
        assertThat(statusOf(slug)).isEqualTo("DUE");
    }

    @Test
    void rolesAndIdentity() {
        for (String other :
                List.of(Tokens.hrSync(), Tokens.trustAdmin(), Tokens.mis(school), Tokens.registerReader())) {
            Api.as(other)
                    .body(Policies.ack(slug, "1.0", school, sha))
                    .post("/api/v1/me/acknowledgements")
                    .then()
                    .statusCode(403);
            Api.as(other).get("/api/v1/me/requirements").then().statusCode(403);
        }
        Api.anonymous().get("/api/v1/me/requirements").then().statusCode(401);
        Api.as(Tokens.staff("NOBODY", school))
                .body(Policies.ack(slug, "1.0", school, sha))
                .post("/api/v1/me/acknowledgements")
                .then()
                .statusCode(404);
    }

    @Test
    void idempotencyKeyReplaysAndCannotBeReusedForAnotherAcknowledgement() {
        String id = Api.as(token)
                .header("Idempotency-Key", "key-" + hrId)
                .body(Policies.ack(slug, "1.0", school, sha))
                .post("/api/v1/me/acknowledgements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.as(token)
                .header("Idempotency-Key", "key-" + hrId)
                .body(Policies.ack(slug, "1.0", school, sha))
                .post("/api/v1/me/acknowledgements")
                .then()
                .statusCode(201) // a replay answers with the first response's status and body
                .body("id", equalTo(id));
        Api.as(token)
                .header("Idempotency-Key", "key-" + hrId)
                .body(Policies.ack(slug, "1.0", school, "b".repeat(64)))
                .post("/api/v1/me/acknowledgements")
                .then()
                .statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("/idempotency-key-reused"));
        String slug2 = Policies.newPolicy();
        String sha2 = Policies.publish(slug2, Policies.version("1.0", "other", true, school));
        Api.as(token)
                .header("Idempotency-Key", "key-" + hrId)
                .body(Policies.ack(slug2, "1.0", school, sha2))
                .post("/api/v1/me/acknowledgements")
                .then()
                .statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("/idempotency-key-reused"));
    }

    @Test
    void twoParallelPostsMakeOneRecord() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Response>> calls = List.of(
                    CompletableFuture.supplyAsync(() -> ack(Policies.ack(slug, "1.0", school, sha)), pool),
                    CompletableFuture.supplyAsync(() -> ack(Policies.ack(slug, "1.0", school, sha)), pool),
                    CompletableFuture.supplyAsync(() -> ack(Policies.ack(slug, "1.0", school, sha)), pool));
            List<Integer> statuses = calls.stream()
                    .map(CompletableFuture::join)
                    .map(Response::statusCode)
                    .toList();
            assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
            assertThat(calls.stream().map(c -> (String) c.join().path("id")).distinct())
                    .hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(Db.count(
                        "SELECT count(*) FROM acknowledgements k JOIN adults a ON a.id = k.adult_id WHERE a.hr_id = ?",
                        hrId))
                .isEqualTo(1);
    }

    @Test
    void nonMaterialVersionCarriesTheAcknowledgementForwardMaterialDoesNot() {
        ack(Policies.ack(slug, "1.0", school, sha)).then().statusCode(201);
        Policies.publish(
                slug, Policies.version("1.1", "1. Rules\n1.1 Be careful online (typo fixed).\n", false, school));
        assertThat(statusOf(slug)).isEqualTo("DONE");
        Policies.publish(slug, Policies.version("2.0", "1. Rules\n1.1 New rules.\n", true, school));
        assertThat(statusOf(slug)).isEqualTo("DUE");
    }

    @Test
    void notRequiredWhenCategoryOrSchoolIsNotCovered() {
        String volunteer = TestData.newHrId("V");
        Api.as(Tokens.trustAdmin())
                .body(TestData.anAdult(volunteer)
                        .at(school)
                        .with("category", "VOLUNTEER")
                        .build())
                .put("/api/v1/staff/{id}", volunteer)
                .then()
                .statusCode(201);
        token = Tokens.staff(volunteer, school);
        assertThat(statusOf(slug)).isEqualTo("NOT_REQUIRED");
        ack(Policies.ack(slug, "1.0", school, sha)).then().statusCode(409);
    }

    @Test
    void dueDatesFollowPublicationAndJoiningAndBecomeOverdue() {
        // the version was published today; 60 days pass: the 28 days allowed are long gone for established staff.
        // Time moves through the clock; no row is back-dated.
        LocalDate published = LocalDate.now(ZoneOffset.UTC);
        TestClock clock = TestClock.get();
        try {
            clock.advance(java.time.Duration.ofDays(60));
            LocalDate today = published.plusDays(60);
            String joiner = TestData.newHrId("J");
            Api.as(Tokens.hrSync())
                    .body(TestData.anAdult(joiner)
                            .with(
                                    "assignments",
                                    List.of(Map.of(
                                            "schoolUrn",
                                            school,
                                            "startDate",
                                            today.minusDays(2).toString())))
                            .build())
                    .put("/api/v1/staff/{id}", joiner)
                    .then()
                    .statusCode(201);

            Map<String, Object> compliance = Api.as(Tokens.head(hrId, school))
                    .get("/api/v1/schools/{urn}/compliance?policy={slug}", school, slug)
                    .then()
                    .statusCode(200)
                    .body("counts.overdue", equalTo(1))
                    .body("counts.due", equalTo(1))
                    .extract()
                    .path("");
            List<Map<String, Object>> items = (List<Map<String, Object>>) compliance.get("items");
            Map<String, Object> established = items.stream()
                    .filter(i -> i.get("hrId").equals(hrId))
                    .findFirst()
                    .orElseThrow();
            Map<String, Object> newcomer = items.stream()
                    .filter(i -> i.get("hrId").equals(joiner))
                    .findFirst()
                    .orElseThrow();
            assertThat(established.get("status")).isEqualTo("OVERDUE");
            assertThat(established.get("dueDate"))
                    .isEqualTo(published.plusDays(28).toString());
            assertThat(newcomer.get("status")).isEqualTo("DUE");
            assertThat(newcomer.get("dueDate"))
                    .isEqualTo(today.minusDays(2).plusDays(14).toString());
        } finally {
            clock.reset();
        }
    }
}
