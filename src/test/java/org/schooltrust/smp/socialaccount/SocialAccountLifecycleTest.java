package org.schooltrust.smp.socialaccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.SocialAccounts;
import org.schooltrust.smp.support.SocialAccounts.SchoolStaff;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/** Every transition over HTTP, its audit event, If-Match, and the rules a proposal must meet. */
@ApiTest
class SocialAccountLifecycleTest {

    SchoolStaff school;
    String handle;

    @BeforeEach
    void aSchoolWithAHeadAndStaff() {
        school = SocialAccounts.aSchool();
        handle = SocialAccounts.newHandle();
    }

    private Response post(String token, String id, String action, String ifMatch, Object body) {
        var request = Api.as(token);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.body(body).post("/api/v1/social-accounts/{id}/{action}", id, action);
    }

    private static List<String> auditActions(String id) {
        return io.restassured.path.json.JsonPath.from(Api.as(Tokens.trustAdmin())
                        .get("/api/v1/audit-events?targetType=social-account&targetId={id}", id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .getList("items.action", String.class);
    }

    @Test
    void theWholeLifecycleWithIfMatchAtEveryStepAndAnAuditEventPerChange() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Response proposed = Api.as(school.staff(school.admin1()))
                .body(school.proposal("@" + handle.toUpperCase()))
                .post("/api/v1/social-accounts");
        proposed.then()
                .statusCode(201)
                .header("ETag", notNullValue())
                .header("Location", endsWith("/api/v1/social-accounts/" + proposed.path("id")))
                .body("status", equalTo("PROPOSED"))
                .body("platform", equalTo("X"))
                .body("handle", equalTo(handle))
                .body("canonicalUrl", equalTo("https://x.com/" + handle))
                .body("purpose", equalTo("PEDAGOGICAL"))
                .body("administrators.hrId", equalTo(List.of(school.admin1(), school.admin2())))
                .body("proposedBy", equalTo(school.admin1()))
                .body("approvedAt", nullValue());
        String id = proposed.path("id");
        String head = school.head();

        // approve: If-Match required (428) and must be current (412); default review date 12 months on
        String etag = proposed.header("ETag");
        post(head, id, "approve", null, Map.of()).then().statusCode(428).contentType("application/problem+json");
        post(head, id, "approve", "\"99\"", Map.of()).then().statusCode(412);
        etag = post(head, id, "approve", etag, Map.of())
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("approvedAt", notNullValue())
                .body("reviewDue", equalTo(LocalDate.parse(today).plusMonths(12).toString()))
                .extract()
                .header("ETag");

        // confirm live: by an administrator; the URL must be the approved handle after canonicalisation
        String admin2 = school.staff(school.admin2());
        String before = SocialAccounts.snapshot();
        post(admin2, id, "confirm-live", etag, Map.of("url", "https://x.com/" + handle + "x"))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("url"));
        post(admin2, id, "confirm-live", etag, Map.of("url", "https://x.com.evil.example/" + handle))
                .then()
                .statusCode(422);
        assertThat(SocialAccounts.snapshot()).isEqualTo(before);
        etag = post(
                        admin2,
                        id,
                        "confirm-live",
                        etag,
                        Map.of("url", "https://mobile.twitter.com/" + handle.toUpperCase() + "/?s=20"))
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("liveSince", notNullValue())
                .extract()
                .header("ETag");

        // suspend (reason required) and reinstate
        post(head, id, "suspend", etag, Map.of("reason", " ")).then().statusCode(422);
        etag = post(head, id, "suspend", etag, Map.of("reason", "Password shared with a former member of staff."))
                .then()
                .statusCode(200)
                .body("status", equalTo("SUSPENDED"))
                .body("suspensionReason", equalTo("Password shared with a former member of staff."))
                .extract()
                .header("ETag");
        etag = post(head, id, "reinstate", etag, Map.of())
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .extract()
                .header("ETag");

        // review: a new review date; the status stays
        String next = LocalDate.parse(today).plusMonths(6).toString();
        post(head, id, "review", etag, Map.of("reviewDue", today)).then().statusCode(422);
        etag = post(head, id, "review", etag, Map.of("reviewDue", next))
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("reviewDue", equalTo(next))
                .body("reviewedAt", notNullValue())
                .extract()
                .header("ETag");

        // retire, and nothing more after that
        etag = post(head, id, "retire", etag, Map.of("reason", "Replaced by the Trust's account."))
                .then()
                .statusCode(200)
                .body("status", equalTo("RETIRED"))
                .body("retirementReason", equalTo("Replaced by the Trust's account."))
                .extract()
                .header("ETag");
        for (String action : List.of("approve", "reinstate", "suspend", "retire", "review")) {
            post(head, id, action, etag, Map.of("reason", "again"))
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json");
        }
        post(admin2, id, "confirm-live", etag, Map.of("url", "https://x.com/" + handle))
                .then()
                .statusCode(409);

        assertThat(auditActions(id))
                .containsExactly(
                        "social-account.proposed",
                        "social-account.approved",
                        "social-account.confirmed-live",
                        "social-account.suspended",
                        "social-account.reinstated",
                        "social-account.reviewed",
                        "social-account.retired");
        assertThat(Db.count(
                        "SELECT count(*) FROM audit_events WHERE target_id = ? AND school_urn = ?", id, school.urn()))
                .isEqualTo(7);
    }

    @Test
    void rejectNeedsAReasonIsFinalAndFreesTheHandle() {
        String id = school.propose(handle);
        String head = school.head();
        String etag = SocialAccounts.etag(head, id);
        post(head, id, "reject", etag, Map.of()).then().statusCode(422);
        post(head, id, "reject", etag, "{").then().statusCode(400);
        etag = post(head, id, "reject", etag, Map.of("reason", "Use the school website's news page instead."))
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("Use the school website's news page instead."))
                .body("rejectedAt", notNullValue())
                .extract()
                .header("ETag");
        post(head, id, "approve", etag, Map.of()).then().statusCode(409);
        post(head, id, "reject", etag, Map.of("reason", "Again")).then().statusCode(409);
        assertThat(auditActions(id)).containsExactly("social-account.proposed", "social-account.rejected");
        // a rejected handle may be proposed again
        school.propose(handle);
    }

    @Test
    void transitionsOutOfOrderAreConflictsAndChangeNothing() {
        String proposed = school.propose(handle);
        String head = school.head();
        String admin = school.staff(school.admin1());
        String before = SocialAccounts.snapshot();
        String etag = SocialAccounts.etag(head, proposed);
        post(admin, proposed, "confirm-live", etag, Map.of("url", "https://x.com/" + handle))
                .then()
                .statusCode(409);
        post(head, proposed, "suspend", etag, Map.of("reason", "x")).then().statusCode(409);
        post(head, proposed, "reinstate", etag, Map.of()).then().statusCode(409);
        post(head, proposed, "retire", etag, Map.of()).then().statusCode(409);
        post(head, proposed, "review", etag, Map.of()).then().statusCode(409);
        assertThat(SocialAccounts.snapshot()).isEqualTo(before);

        String active = school.active(SocialAccounts.newHandle());
        String activeTag = SocialAccounts.etag(head, active);
        before = SocialAccounts.snapshot();
        post(head, active, "approve", activeTag, Map.of()).then().statusCode(409);
        post(head, active, "reject", activeTag, Map.of("reason", "x")).then().statusCode(409);
        post(head, active, "reinstate", activeTag, Map.of()).then().statusCode(409);
        assertThat(SocialAccounts.snapshot()).isEqualTo(before);
    }

    @Test
    void administratorsMustBeDifferentActiveAdultsOfThatSchool() {
        SchoolStaff other = SocialAccounts.aSchool();
        String leaver = TestData.hrAdultAt(school.urn());
        Api.as(Tokens.hrSync())
                .body(TestData.anAdult(leaver)
                        .at(school.urn())
                        .with("active", false)
                        .build())
                .put("/api/v1/staff/{hrId}", leaver)
                .then()
                .statusCode(200);
        String before = SocialAccounts.snapshot();
        String token = school.staff(school.admin1());
        Map<String, Object> body = SocialAccounts.proposal(
                school.urn(), "X", handle, school.admin1(), other.admin1(), leaver, "NO-SUCH-ADULT", school.admin1());
        Api.as(token)
                .body(body)
                .post("/api/v1/social-accounts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors", hasSize(4))
                .body(
                        "errors.field",
                        equalTo(List.of(
                                "administrators[1]", "administrators[2]", "administrators[3]", "administrators[4]")))
                .body(
                        "errors.message",
                        hasItems("is not an active adult of school " + school.urn(), "repeats another administrator"));
        Api.as(token)
                .body(SocialAccounts.proposal(school.urn(), "X", handle, school.admin1()))
                .post("/api/v1/social-accounts")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("administrators"));
        Api.as(token)
                .body(SocialAccounts.proposal(school.urn(), "X", handle, school.admin1(), school.admin1()))
                .post("/api/v1/social-accounts")
                .then()
                .statusCode(422)
                .body("errors.field", equalTo(List.of("administrators[1]")));
        assertThat(SocialAccounts.snapshot()).isEqualTo(before);
    }

    @Test
    void badProposalsAreRefusedWithEveryProblemAndChangeNothing() {
        String token = school.staff(school.admin1());
        String before = SocialAccounts.snapshot();
        Map<String, Object> bad = new HashMap<>(school.proposal(handle));
        bad.put("platform", "MYSPACE");
        bad.put("purpose", "FUN");
        bad.put("reason", "Because.");
        Api.as(token)
                .body(bad)
                .post("/api/v1/social-accounts")
                .then()
                .statusCode(422)
                .body("errors.field", hasItems("platform", "purpose", "reason"));
        Map<String, Object> padded = new HashMap<>(school.proposal(handle));
        padded.put("reason", "Too short." + " ".repeat(60));
        Api.as(token)
                .body(padded)
                .post("/api/v1/social-accounts")
                .then()
                .statusCode(422)
                .body("errors.field", equalTo(List.of("reason")));
        Map<String, Object> wrongPlatform = new HashMap<>(school.proposal("https://www.instagram.com/" + handle));
        Api.as(token)
                .body(wrongPlatform)
                .post("/api/v1/social-accounts")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("handle"))
                .body("errors[0].message", containsString("INSTAGRAM, not X"));
        Map<String, Object> notAHandle = new HashMap<>(school.proposal("https://x.com/" + handle + "/status/1"));
        Api.as(token)
                .body(notAHandle)
                .post("/api/v1/social-accounts")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("handle"));
        Map<String, Object> noSchool = new HashMap<>(school.proposal(handle));
        noSchool.put("schoolUrn", "999998");
        Api.as(Tokens.trustAdmin())
                .body(noSchool)
                .post("/api/v1/social-accounts")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("schoolUrn"));
        Api.as(token)
                .body("{\"schoolUrn\": 5,")
                .post("/api/v1/social-accounts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        Api.as(token).body(Map.of()).post("/api/v1/social-accounts").then().statusCode(422);
        assertThat(SocialAccounts.snapshot()).isEqualTo(before);
    }

    @Test
    void aHandleHeldAtTheSameSchoolInAnyFormIsAConflict() {
        school.propose(handle);
        String before = SocialAccounts.snapshot();
        Api.as(school.head())
                .body(SocialAccounts.proposal(
                        school.urn(),
                        "X",
                        "https://mobile.twitter.com/" + handle.toUpperCase(),
                        school.admin1(),
                        school.admin2()))
                .post("/api/v1/social-accounts")
                .then()
                .statusCode(409)
                .body("detail", containsString("https://x.com/" + handle));
        assertThat(SocialAccounts.snapshot()).isEqualTo(before);
    }

    @Test
    void anotherSchoolsUnpublishedProposalIsNotRevealedAndApprovalKeepsHandlesUnique() {
        String first = school.propose(handle);
        SchoolStaff other = SocialAccounts.aSchool();
        String second = Api.as(other.head())
                .body(SocialAccounts.proposal(
                        other.urn(), "X", "https://x.com/" + handle, other.admin1(), other.admin2()))
                .post("/api/v1/social-accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        post(school.head(), first, "approve", SocialAccounts.etag(school.head(), first), Map.of())
                .then()
                .statusCode(200);
        post(other.head(), second, "approve", SocialAccounts.etag(other.head(), second), Map.of())
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void anIdempotencyKeyReplayReturnsTheFirstProposal() {
        String token = school.staff(school.admin1());
        String key = "proposal-" + UUID.randomUUID();
        String first = Api.as(token)
                .header("Idempotency-Key", key)
                .body(school.proposal(handle))
                .post("/api/v1/social-accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.as(token)
                .header("Idempotency-Key", key)
                .body(school.proposal(handle))
                .post("/api/v1/social-accounts")
                .then()
                .statusCode(201) // a replay answers with the first response's status and body
                .body("id", equalTo(first));
        Api.as(token)
                .header("Idempotency-Key", key)
                .body(school.proposal(SocialAccounts.newHandle()))
                .post("/api/v1/social-accounts")
                .then()
                .statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("/idempotency-key-reused"));
        assertThat(Db.count(
                        "SELECT count(*) FROM social_accounts a JOIN idempotent_requests k"
                                + " ON k.target_id = a.id::text WHERE k.key = ?",
                        key))
                .isEqualTo(1);
        assertThat(Db.count(
                        "SELECT count(*) FROM audit_events WHERE action = 'social-account.proposed' AND target_id = ?",
                        first))
                .isEqualTo(1);
    }

    @Test
    void theListFiltersByStatusSchoolAndOverdueReview() {
        String proposed = school.propose(handle);
        String active = school.active(SocialAccounts.newHandle());
        String overdue = school.active(SocialAccounts.newHandle());
        SocialAccounts.sql(
                "UPDATE social_accounts SET review_due = current_date - 1 WHERE id = ?", UUID.fromString(overdue));
        String head = school.head();
        Api.as(head)
                .get("/api/v1/social-accounts?school={urn}", school.urn())
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(proposed, active, overdue)));
        Api.as(head)
                .get("/api/v1/social-accounts?school={urn}&status=ACTIVE", school.urn())
                .then()
                .body("items.id", equalTo(List.of(active, overdue)));
        Api.as(head)
                .get("/api/v1/social-accounts?school={urn}&reviewOverdue=true", school.urn())
                .then()
                .body("items.id", equalTo(List.of(overdue)))
                .body("items[0].reviewOverdue", equalTo(true));
        Api.as(head)
                .get("/api/v1/social-accounts?school={urn}&reviewOverdue=false", school.urn())
                .then()
                .body("items.id", equalTo(List.of(proposed, active)));
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/social-accounts?reviewOverdue=true&limit=1000")
                .then()
                .body("items.id", hasItem(overdue))
                .body("items.id", not(hasItem(active)));
        String page1 = Api.as(head)
                .get("/api/v1/social-accounts?school={urn}&limit=2", school.urn())
                .then()
                .body("items.id", equalTo(List.of(proposed, active)))
                .header("Link", containsString("rel=\"next\""))
                .extract()
                .path("nextCursor");
        Api.as(head)
                .get("/api/v1/social-accounts?school={urn}&limit=2&cursor={c}", school.urn(), page1)
                .then()
                .body("items.id", equalTo(List.of(overdue)))
                .body("nextCursor", nullValue());
        Api.as(head)
                .get("/api/v1/social-accounts?status=LIVE")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("status"));
        Api.as(head)
                .get("/api/v1/social-accounts?reviewOverdue=maybe")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("reviewOverdue"));
        Api.as(head).get("/api/v1/social-accounts?cursor=bm9wZQ").then().statusCode(400);
    }

    @Test
    void theHeadMayConfirmLiveAndOtherAdultsOfTheSchoolMayNot() {
        String id = school.approved(handle);
        String etag = SocialAccounts.etag(school.head(), id);
        post(school.staff(school.colleague()), id, "confirm-live", etag, Map.of("url", "https://x.com/" + handle))
                .then()
                .statusCode(403);
        post(school.head(), id, "confirm-live", etag, Map.of("url", "x.com/" + handle))
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }
}
