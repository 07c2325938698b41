package org.schooltrust.smp.common.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Concerns;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.Holds;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;
import org.schooltrust.smp.support.WebhookReceiver;

/**
 * Issue 22: the one Idempotency-Key mechanism on the creating POSTs that had none — grant a permission, place a legal
 * hold, create a webhook endpoint, upload evidence. A replay answers as the first did (201, the same record); the same
 * key with another request is 422 and writes nothing; another caller's same key is theirs.
 */
@ApiTest
class IdempotencyKeyTest {

    /** Sends {@code body} with {@code key}; the id the answer names. */
    record Case(
            String count,
            Function<Map<String, Object>, Response> send,
            Map<String, Object> body,
            Map<String, Object> other) {}

    static void holdsTheKey(Case c) {
        String before = Db.first(c.count());
        Response first = c.send().apply(c.body());
        first.then().statusCode(201);
        String id = first.path("id") != null
                ? first.path("id").toString()
                : first.path("endpoint.id").toString();
        Response replay = c.send().apply(c.body());
        replay.then().statusCode(201);
        String again = replay.path("id") != null
                ? replay.path("id").toString()
                : replay.path("endpoint.id").toString();
        assertThat(again).isEqualTo(id);
        assertThat(Long.parseLong(Db.first(c.count()))).isEqualTo(Long.parseLong(before) + 1);
        c.send()
                .apply(c.other())
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/idempotency-key-reused"));
        assertThat(Long.parseLong(Db.first(c.count()))).isEqualTo(Long.parseLong(before) + 1);
    }

    static String key() {
        return "k-" + UUID.randomUUID();
    }

    @Test
    void grantingAPermission() {
        String school = TestData.newSchool();
        String head = Tokens.head(TestData.newHrId("H"), school);
        String adult = TestData.hrAdultAt(school);
        LocalDate today = LocalDate.now(TestClock.get().withZone(ZoneOffset.UTC));
        Map<String, Object> body = new HashMap<>();
        body.put("staffHrId", adult);
        body.put("purpose", "Year 4 class page");
        body.put("channel", "Facebook: @stjames.year4");
        body.put("validFrom", today.toString());
        body.put("validTo", today.plusDays(30).toString());
        Map<String, Object> other = new HashMap<>(body);
        other.put("validTo", today.plusDays(31).toString());
        String key = key();
        holdsTheKey(new Case(
                "SELECT count(*) FROM express_permissions WHERE school_urn = '" + school + "'",
                b -> Api.as(head)
                        .header("Idempotency-Key", key)
                        .body(b)
                        .post("/api/v1/schools/{urn}/permissions", school),
                body,
                other));
    }

    @Test
    void placingALegalHold() {
        String school = TestData.newSchool();
        String key = key();
        holdsTheKey(new Case(
                "SELECT count(*) FROM legal_holds WHERE target_id = '" + school + "'",
                b -> Api.as(Tokens.trustAdmin())
                        .header("Idempotency-Key", key)
                        .body(b)
                        .post("/api/v1/legal-holds"),
                Map.of("targetType", "SCHOOL", "targetId", school, "reason", "Inquiry: do not destroy"),
                Map.of("targetType", "SCHOOL", "targetId", school, "reason", "Another inquiry")));
        // a hold left in place would keep every later audit event (disposal goes as a prefix of the chain)
        Holds.lift(Db.first("SELECT id::text FROM legal_holds WHERE target_id = ? AND lifted_at IS NULL", school));
    }

    @Test
    void creatingAWebhookEndpointReplaysTheSameSecret() {
        String school = TestData.newSchool();
        String key = key();
        WebhookReceiver receiver = new WebhookReceiver();
        Map<String, Object> body = new HashMap<>();
        body.put("url", receiver.url("/hooks/" + school));
        body.put("eventTypes", List.of("school.updated"));
        body.put("schools", List.of(school));
        body.put("identity", Map.of("role", "trust-admin"));
        Map<String, Object> other = new HashMap<>(body);
        other.put("url", receiver.url("/other/" + school));
        Function<Map<String, Object>, Response> send = b -> Api.as(Tokens.trustAdmin())
                .header("Idempotency-Key", key)
                .body(b)
                .post("/api/v1/webhook-endpoints");
        holdsTheKey(new Case(
                "SELECT count(*) FROM webhook_endpoints WHERE url LIKE '%/" + school + "'", send, body, other));
        assertThat((String) send.apply(body).path("secret"))
                .isEqualTo(send.apply(body).path("secret"))
                .startsWith("whsec_");
        receiver.close();
    }

    @Test
    void uploadingEvidenceAndAnotherCallersKeyIsTheirs() {
        String school = TestData.newSchool();
        String reporter = TestData.hrAdultAt(school);
        String token = Tokens.staff(reporter, school);
        String concern = Concerns.raise(token, Concerns.body(school, "CYBERBULLYING"));
        String key = key();
        Function<String, Response> upload = text -> io.restassured.RestAssured.given()
                .auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .accept(ContentType.JSON)
                .multiPart("file", "notes.txt", text.getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/v1/me/concerns/{id}/evidence", concern);
        holdsTheKey(new Case(
                "SELECT count(*) FROM concern_evidence WHERE concern_id = '" + concern + "'",
                b -> upload.apply((String) b.get("text")),
                Map.of("text", "Screenshot transcript: the message said hello."),
                Map.of("text", "A different file.")));

        // the same key from another adult is a new request of theirs
        String someoneElse = TestData.hrAdultAt(school);
        String theirs = Concerns.raise(Tokens.staff(someoneElse, school), Concerns.body(school, "TROLLING"));
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(Tokens.staff(someoneElse, school))
                .header("Idempotency-Key", key)
                .accept(ContentType.JSON)
                .multiPart("file", "notes.txt", "Theirs.".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/v1/me/concerns/{id}/evidence", theirs)
                .then()
                .statusCode(201);
    }

    @Test
    void aBadKeyIsAProblemAndChangesNothing() {
        String before = Db.first("SELECT count(*) FROM legal_holds");
        Api.as(Tokens.trustAdmin())
                .header("Idempotency-Key", "no spaces allowed")
                .body(Map.of("targetType", "SCHOOL", "targetId", TestData.newSchool(), "reason", "Inquiry"))
                .post("/api/v1/legal-holds")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        assertThat(Db.first("SELECT count(*) FROM legal_holds")).isEqualTo(before);
    }
}
