package org.schooltrust.smp.concern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.reminder.ReminderMailer;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.MailServer;
import org.schooltrust.smp.support.SocialAccounts;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/** Concerns end to end over HTTP: raising, routing, evidence, handling, and who may see what. */
@ApiTest
class ConcernTest {

    @Inject
    ReminderMailer mailer;

    private String school;
    private String otherSchool;
    private String head;
    private String dsl;
    private String reporter;
    private String colleague;
    private String otherHead;

    @BeforeEach
    void setUp() {
        school = TestData.newSchool();
        otherSchool = TestData.newSchool();
        head = registered(school, "HEAD_OF_SCHOOL");
        dsl = registered(school, "DSL");
        reporter = TestData.hrAdultAt(school);
        colleague = TestData.hrAdultAt(school);
        otherHead = registered(otherSchool, "HEAD_OF_SCHOOL");
    }

    private static String registered(String urn, String responsibility) {
        String hrId = TestData.newHrId(responsibility.substring(0, 1));
        Map<String, Object> adult = new HashMap<>(TestData.anAdult(hrId).build());
        adult.put(
                "assignments",
                List.of(Map.of(
                        "schoolUrn", urn, "startDate", "2024-09-01", "responsibilities", List.of(responsibility))));
        Api.as(Tokens.hrSync())
                .body(adult)
                .put("/api/v1/staff/{hrId}", hrId)
                .then()
                .statusCode(201);
        return hrId;
    }

    private String headToken() {
        return Tokens.user("head-" + head, head, Set.of("staff", "head-of-school"), school);
    }

    private String dslToken() {
        return Tokens.user("dsl-" + dsl, dsl, Set.of("staff", "dsl"), school);
    }

    private String otherHeadToken() {
        return Tokens.user("head-" + otherHead, otherHead, Set.of("staff", "head-of-school"), otherSchool);
    }

    private static Map<String, Object> concern(String urn, String category) {
        Map<String, Object> body = new HashMap<>();
        body.put("schoolUrn", urn);
        body.put("category", category);
        body.put(
                "occurredAt",
                Instant.now()
                        .minus(2, ChronoUnit.HOURS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        body.put("platform", "INSTAGRAM");
        body.put("locationUrl", "https://www.instagram.com/p/Cx123/");
        body.put("description", "Abusive comments under the class trip photo.");
        return body;
    }

    private Response raise(String token, Map<String, Object> body) {
        return Api.as(token).body(body).post("/api/v1/me/concerns");
    }

    private String raised(Map<String, Object> body) {
        return raise(Tokens.staff(reporter, school), body)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String path(String urn, String id) {
        return "/api/v1/schools/" + urn + "/concerns/" + id;
    }

    private static String snapshot() {
        return Db.count("SELECT count(*) FROM concerns") + "/" + Db.count("SELECT count(*) FROM concern_evidence") + "/"
                + Db.count("SELECT count(*) FROM concern_timeline") + "/"
                + Db.count("SELECT coalesce(sum(version), 0) FROM concerns") + "/"
                + Db.count("SELECT count(*) FROM audit_events WHERE chain = 'WRITE'");
    }

    @Test
    void anUrgentConcernReachesTheHeadAndTheDslAtOnceWithoutItsContent() {
        try (MailServer mail = MailServer.start()) {
            Map<String, Object> body = concern(school, "RADICALISATION");
            body.put("description", "Pupil sharing extremist videos in the class chat: SECRET-DETAIL");
            String id = raise(Tokens.staff(reporter, school), body)
                    .then()
                    .statusCode(201)
                    .header("Location", org.hamcrest.Matchers.containsString("/api/v1/me/concerns/"))
                    .body("urgent", equalTo(true))
                    .body("status", equalTo("RAISED"))
                    .extract()
                    .path("id");
            mailer.sendPending();
            for (String to : List.of(head, dsl)) {
                String address = Db.first("SELECT work_email FROM adults WHERE hr_id = ?", to);
                List<String> texts =
                        mail.to(address).stream().map(MailServer::text).toList();
                assertThat(texts).anyMatch(t -> t.contains("URGENT: a concern was raised at School " + school));
                assertThat(texts).noneMatch(t -> t.contains("SECRET-DETAIL") || t.contains("extremist"));
                assertThat(texts).anyMatch(t -> t.contains("/schools/" + school + "/concerns/" + id));
            }
            String otherAddress = Db.first("SELECT work_email FROM adults WHERE hr_id = ?", otherHead);
            assertThat(mail.to(otherAddress)).isEmpty();
        }
    }

    @Test
    void headsAndDslsHandleTheirSchoolsConcernsAndTheReporterNeverSeesTheNotes() {
        String id = raised(concern(school, "CYBERBULLYING"));
        String urgent = raised(concern(school, "INDECENT_IMAGES"));
        // urgent first
        List<String> listed = Api.as(dslToken())
                .get("/api/v1/schools/{urn}/concerns", school)
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(listed).containsSubsequence(urgent, id);

        String etag = Api.as(headToken())
                .get(path(school, id))
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        Api.as(headToken()).post(path(school, id) + "/acknowledge").then().statusCode(428);
        etag = Api.as(headToken())
                .header("If-Match", etag)
                .post(path(school, id) + "/acknowledge")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .extract()
                .header("ETag");
        Api.as(dslToken())
                .body(Map.of("text", "Spoke to the adult; screenshots kept. NOTE-FOR-HEADS-ONLY"))
                .post(path(school, id) + "/notes")
                .then()
                .statusCode(200);
        Api.as(headToken())
                .header("If-Match", etag)
                .body(Map.of("action", "REPORTED_TO_PLATFORM"))
                .post(path(school, id) + "/actions")
                .then()
                .statusCode(412);
        etag = Api.as(headToken()).get(path(school, id)).then().extract().header("ETag");
        etag = Api.as(headToken())
                .header("If-Match", etag)
                .body(Map.of("action", "REPORTED_TO_PLATFORM", "text", "Reported via the in-app form."))
                .post(path(school, id) + "/actions")
                .then()
                .statusCode(200)
                .body("timeline.entry", org.hamcrest.Matchers.contains("ACKNOWLEDGED", "NOTE", "ACTION"))
                .extract()
                .header("ETag");
        Api.as(headToken())
                .header("If-Match", etag)
                .body(Map.of("outcome", "RESOLVED"))
                .post(path(school, id) + "/close")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("outcome", equalTo("RESOLVED"));
        Api.as(dslToken())
                .body(Map.of("text", "late"))
                .post(path(school, id) + "/notes")
                .then()
                .statusCode(409);

        String mine = Api.as(Tokens.staff(reporter, school))
                .get("/api/v1/me/concerns/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .extract()
                .asString();
        assertThat(mine)
                .doesNotContain("NOTE-FOR-HEADS-ONLY")
                .doesNotContain("timeline")
                .doesNotContain("outcome");

        // nobody else: a colleague, another school's Head, hr-sync, mis, register-reader; trust-admin counts only
        Api.as(Tokens.staff(colleague, school))
                .get("/api/v1/me/concerns/{id}", id)
                .then()
                .statusCode(404);
        Api.as(Tokens.staff(colleague, school)).get(path(school, id)).then().statusCode(403);
        Api.as(otherHeadToken()).get(path(school, id)).then().statusCode(404);
        Api.as(otherHeadToken()).get(path(otherSchool, id)).then().statusCode(404);
        Api.as(otherHeadToken())
                .get("/api/v1/schools/{urn}/concerns", otherSchool)
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
        for (String token :
                List.of(Tokens.hrSync(), Tokens.mis(school), Tokens.registerReader(), Tokens.trustAdmin())) {
            Api.as(token).get(path(school, id)).then().statusCode(403);
        }
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/concerns/counts")
                .then()
                .statusCode(200)
                .body(
                        "items.find { it.schoolUrn == '" + school + "' && it.category == 'CYBERBULLYING' }.closed",
                        equalTo(1));
        assertThat(Db.count(
                        "SELECT count(*) FROM audit_events WHERE action = 'concern.read' AND target_id = ? AND chain = 'READ'",
                        id))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aConcernNamingAnAdultIsHandledWhereTheyWorkAndNeverShownToThem() {
        // the adult named is the school's DSL: they must not find it, the Head must
        Map<String, Object> body = concern(school, "SOCIAL_CONTACT");
        body.put("aboutStaffHrId", dsl);
        String id = raised(body);
        Api.as(headToken()).get(path(school, id)).then().statusCode(200).body("aboutStaffHrId", equalTo(dsl));
        Api.as(dslToken()).get(path(school, id)).then().statusCode(404);
        Api.as(dslToken())
                .get("/api/v1/schools/{urn}/concerns", school)
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
        String feed = Api.as(dslToken())
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(feed).doesNotContain(id);

        // an adult who works at another school: that school's Heads handle it, not the reporter's
        String elsewhere = TestData.hrAdultAt(otherSchool);
        Map<String, Object> aboutOther = concern(school, "SOCIAL_CONTACT");
        aboutOther.put("aboutStaffHrId", elsewhere);
        String other = raised(aboutOther);
        Api.as(otherHeadToken()).get(path(otherSchool, other)).then().statusCode(200);
        Api.as(headToken()).get(path(school, other)).then().statusCode(404);
    }

    @Test
    void anImpersonationConcernSaysWhetherTheUrlIsTheSchoolsOfficialAccount() {
        SocialAccounts.SchoolStaff s = SocialAccounts.aSchool();
        String handle = SocialAccounts.newHandle();
        s.active(handle);
        Map<String, Object> official = concern(s.urn(), "IMPERSONATION");
        official.put("platform", "X");
        official.put("locationUrl", "https://x.com/" + handle.toUpperCase());
        Api.as(Tokens.staff(s.colleague(), s.urn()))
                .body(official)
                .post("/api/v1/me/concerns")
                .then()
                .statusCode(201)
                .body("impersonation.officialAccount", equalTo(true))
                .body("impersonation.message", org.hamcrest.Matchers.containsString("official account"));
        Map<String, Object> fake = concern(s.urn(), "IMPERSONATION");
        fake.put("locationUrl", "https://twitter.com/" + handle + "fake");
        Api.as(Tokens.staff(s.colleague(), s.urn()))
                .body(fake)
                .post("/api/v1/me/concerns")
                .then()
                .statusCode(201)
                .body("impersonation.officialAccount", equalTo(false))
                .body("impersonation.canonicalHandle", equalTo(handle + "fake"));
    }

    @Test
    void evidenceIsKeptWithItsHashAndCannotBeChangedOrDeleted() throws Exception {
        String id = raised(concern(school, "TROLLING"));
        byte[] png = new byte[2048];
        System.arraycopy(EvidenceTypeTest.PNG, 0, png, 0, EvidenceTypeTest.PNG.length);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        String evidence = upload(reporter, id, "screenshot.png", png, "image/png")
                .then()
                .statusCode(201)
                .body("sha256", equalTo(sha))
                .body("mediaType", equalTo("image/png"))
                .body("sizeBytes", equalTo(2048))
                .extract()
                .path("id");
        assertThat(Db.first("SELECT encode(sha256(content), 'hex') FROM concern_evidence WHERE id = ?::uuid", evidence))
                .isEqualTo(sha);

        Response download = io.restassured.RestAssured.given()
                .auth()
                .oauth2(headToken())
                .get(path(school, id) + "/evidence/" + evidence);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).startsWith("attachment;");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.asByteArray()).isEqualTo(png);
        assertThat(Db.count(
                        "SELECT count(*) FROM audit_events WHERE action = 'concern.evidence-read' AND target_id = ?",
                        evidence))
                .isEqualTo(1);

        String before = snapshot();
        // a renamed executable, an empty file, 10 MB + 1 byte: refused, nothing kept
        upload(reporter, id, "holiday.png", EvidenceTypeTest.EXE, "image/png")
                .then()
                .statusCode(422);
        upload(reporter, id, "empty.txt", new byte[0], "text/plain").then().statusCode(422);
        byte[] tooBig = new byte[(int) EvidenceIntake.MAX_EVIDENCE_BYTES + 1];
        java.util.Arrays.fill(tooBig, (byte) 'a');
        upload(reporter, id, "big.txt", tooBig, "text/plain").then().statusCode(422);
        // another adult cannot add to it
        upload(colleague, id, "x.png", png, "image/png").then().statusCode(404);
        // no endpoint changes or deletes evidence or the report
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            Api.as(Tokens.staff(reporter, school))
                    .body("{}")
                    .request(method, "/api/v1/me/concerns/" + id + "/evidence/" + evidence)
                    .then()
                    .statusCode(405)
                    .contentType("application/problem+json");
            Api.as(Tokens.staff(reporter, school))
                    .body("{}")
                    .request(method, "/api/v1/me/concerns/" + id)
                    .then()
                    .statusCode(405)
                    .contentType("application/problem+json");
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    private static Response upload(String hrId, String concern, String name, byte[] bytes, String type) {
        return io.restassured.RestAssured.given()
                .auth()
                .oauth2(Tokens.staff(
                        hrId,
                        Db.first(
                                "SELECT school_urn FROM adult_assignments s JOIN adults a ON a.id = s.adult_id WHERE a.hr_id = ?",
                                hrId)))
                .accept(ContentType.JSON)
                .multiPart("file", name, bytes, type)
                .post("/api/v1/me/concerns/{id}/evidence", concern);
    }

    @Test
    void badConcernsAre4xxAndChangeNothing() {
        String before = snapshot();
        String token = Tokens.staff(reporter, school);
        List<Map<String, Object>> bad = new java.util.ArrayList<>();
        bad.add(with("category", "GOSSIP"));
        bad.add(with("schoolUrn", otherSchool)); // not a school the reporter works at
        bad.add(with("description", " "));
        bad.add(with("occurredAt", Instant.now().plus(2, ChronoUnit.DAYS).toString()));
        bad.add(with("platform", "MYSPACE"));
        bad.add(with("aboutStaffHrId", "NOBODY-" + System.nanoTime()));
        bad.add(with("aboutSocialAccountId", java.util.UUID.randomUUID().toString()));
        bad.add(with("description", "x".repeat(10_001)));
        for (Map<String, Object> body : bad) {
            raise(token, body).then().statusCode(422).contentType("application/problem+json");
        }
        Api.as(token)
                .body("{\"schoolUrn\": \"" + school + "\", \"schoolUrn\": \"" + school + "\"}")
                .post("/api/v1/me/concerns")
                .then()
                .statusCode(400);
        Api.as(token).body("[1,2").post("/api/v1/me/concerns").then().statusCode(400);
        for (String denied :
                List.of(Tokens.hrSync(), Tokens.mis(school), Tokens.registerReader(), Tokens.trustAdmin())) {
            raise(denied, concern(school, "OTHER")).then().statusCode(403);
        }
        assertThat(snapshot()).isEqualTo(before);

        // Idempotency-Key: a replay answers as the first response; the same key for another request is 422
        Map<String, Object> body = concern(school, "OTHER");
        String first = Api.as(token)
                .header("Idempotency-Key", "k-" + school)
                .body(body)
                .post("/api/v1/me/concerns")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.as(token)
                .header("Idempotency-Key", "k-" + school)
                .body(body)
                .post("/api/v1/me/concerns")
                .then()
                .statusCode(201)
                .body("id", equalTo(first));
        body.put("description", "Something else");
        Api.as(token)
                .header("Idempotency-Key", "k-" + school)
                .body(body)
                .post("/api/v1/me/concerns")
                .then()
                .statusCode(422);
    }

    private Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = concern(school, "OTHER");
        body.put(field, value);
        return body;
    }
}
