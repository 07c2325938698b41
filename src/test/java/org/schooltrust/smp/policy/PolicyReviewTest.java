package org.schooltrust.smp.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.Events;
import org.schooltrust.smp.support.Policies;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/** Issue 27: a policy's owner and review date; the owner is reminded by the clock; an overdue review shows. */
@ApiTest
class PolicyReviewTest {

    String school;
    String slug;
    String owner;
    LocalDate today;

    @BeforeEach
    void aPolicyWithAnOwner() {
        school = TestData.newSchool();
        slug = Policies.newPolicy();
        owner = TestData.hrAdultAt(school);
        today = LocalDate.now(TestClock.get().withZone(ZoneOffset.UTC));
    }

    @AfterEach
    void resetClock() {
        TestClock.get().reset();
    }

    Response put(Map<String, Object> body, String ifMatch) {
        var request = Api.as(Tokens.trustAdmin()).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/api/v1/policies/{slug}/review", slug);
    }

    List<String> stagesSent() {
        Api.as(Tokens.trustAdmin())
                .queryParam("school", school)
                .post("/api/v1/reminders/run")
                .then()
                .statusCode(200);
        return Db.list(
                "SELECT r.stage FROM reminders r JOIN adults a ON a.id = r.recipient_adult_id"
                        + " WHERE r.kind = 'POLICY_REVIEW' AND a.hr_id = ? ORDER BY r.created_at, r.ordinal",
                owner);
    }

    void moveTo(int days) {
        TestClock.get().reset();
        TestClock.get().advance(Duration.ofDays(days));
    }

    @Test
    void theOwnerIsRemindedTwoMonthsOneMonthOneWeekBeforeAndOnTheDayAndAnOverdueReviewShows() {
        LocalDate date = today.plusDays(70);
        String etag = put(Map.of("ownerHrId", owner, "reviewDate", date.toString()), null)
                .then()
                .statusCode(201)
                .body("owner.hrId", equalTo(owner))
                .body("overdue", equalTo(false))
                .extract()
                .header("ETag");
        assertThat(stagesSent()).isEmpty();
        moveTo(70 - 61);
        assertThat(stagesSent()).containsExactly("BEFORE_61");
        assertThat(stagesSent()).containsExactly("BEFORE_61"); // once, never twice
        moveTo(70 - 30);
        assertThat(stagesSent()).containsExactly("BEFORE_61", "BEFORE_30");
        moveTo(70 - 7);
        assertThat(stagesSent()).containsExactly("BEFORE_61", "BEFORE_30", "BEFORE_7");
        moveTo(70);
        assertThat(stagesSent()).containsExactly("BEFORE_61", "BEFORE_30", "BEFORE_7", "ON_DAY");

        moveTo(71);
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/policy-reviews?overdue=true")
                .then()
                .statusCode(200)
                .body("policy", hasItem(slug));
        // a new date moves it on; a stale ETag is refused
        put(Map.of("ownerHrId", owner, "reviewDate", date.plusYears(1).toString()), etag)
                .then()
                .statusCode(200)
                .body("overdue", equalTo(false));
        put(Map.of("ownerHrId", owner, "reviewDate", date.toString()), etag)
                .then()
                .statusCode(412);
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/policy-reviews?overdue=true")
                .then()
                .body("policy", not(hasItem(slug)));
        Events.awaitSettled();
        assertThat(Db.count(
                        "SELECT count(*) FROM events WHERE type = 'policy.review_updated' AND data::text LIKE ?",
                        "%" + slug + "%"))
                .isEqualTo(2);
    }

    @Test
    void aResponsibilityOwnsItWhoeverHoldsItOnTheDay() {
        String head = TestData.newHrId("H");
        Tokens.head(head, school);
        put(
                        Map.of(
                                "ownerResponsibility",
                                "HEAD_OF_SCHOOL",
                                "ownerSchoolUrn",
                                school,
                                "reviewDate",
                                today.toString()),
                        null)
                .then()
                .statusCode(201)
                .body("owner.responsibility", equalTo("HEAD_OF_SCHOOL"));
        Api.as(Tokens.trustAdmin())
                .queryParam("school", school)
                .post("/api/v1/reminders/run")
                .then()
                .statusCode(200);
        assertThat(Db.count(
                        "SELECT count(*) FROM reminders r JOIN adults a ON a.id = r.recipient_adult_id"
                                + " WHERE r.kind = 'POLICY_REVIEW' AND a.hr_id = ? AND r.stage = 'ON_DAY'",
                        head))
                .isEqualTo(1);
    }

    @Test
    void badInputIsAProblemAndChangesNothingAndOnlyTrustAdminMayRead() {
        put(Map.of("reviewDate", today.toString()), null).then().statusCode(422);
        put(Map.of("ownerHrId", "NOBODY", "reviewDate", today.toString()), null)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("ownerHrId"));
        put(
                        Map.of(
                                "ownerHrId",
                                owner,
                                "ownerResponsibility",
                                "DSL",
                                "ownerSchoolUrn",
                                school,
                                "reviewDate",
                                today.toString()),
                        null)
                .then()
                .statusCode(422);
        put(Map.of("ownerResponsibility", "CHIEF", "ownerSchoolUrn", school, "reviewDate", today.toString()), null)
                .then()
                .statusCode(422);
        put(Map.of("ownerHrId", owner, "reviewDate", "not-a-date"), null).then().statusCode(400);
        Api.as(Tokens.trustAdmin())
                .body(Map.of("ownerHrId", owner, "reviewDate", today.toString()))
                .put("/api/v1/policies/{slug}/review", "no-such-policy")
                .then()
                .statusCode(404);
        assertThat(Db.count(
                        "SELECT count(*) FROM policy_reviews r JOIN policies p ON p.id = r.policy_id WHERE p.slug = ?",
                        slug))
                .isZero();
        Api.as(Tokens.head(owner, school)).get("/api/v1/policy-reviews").then().statusCode(403);
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/policies/{slug}/review", slug)
                .then()
                .statusCode(404);
    }

    @Test
    void aPublishedVersionsAudienceCannotChangeWithoutANewPublication() {
        Map<String, Object> v = Policies.version("1.0", "1. Rules\n1.1 Rule.\n", true, school);
        Policies.publish(slug, v);
        String etag = Api.as(Tokens.trustAdmin())
                .get("/api/v1/policies/{slug}/versions/1.0", slug)
                .then()
                .extract()
                .header("ETag");
        v.put("audience", List.of("TEACHER"));
        Api.as(Tokens.trustAdmin())
                .header("If-Match", etag)
                .body(v)
                .put("/api/v1/policies/{slug}/versions/1.0", slug)
                .then()
                .statusCode(409);
    }
}
