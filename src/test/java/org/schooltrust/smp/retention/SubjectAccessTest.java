package org.schooltrust.smp.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.Policies;
import org.schooltrust.smp.support.SocialAccounts;
import org.schooltrust.smp.support.SocialAccounts.SchoolStaff;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.Tokens;

/** A subject-access export holds every kind of record of the adult, and nothing of anyone else. */
@ApiTest
class SubjectAccessTest {

    private static Map<String, Object> concern(String urn, String description) {
        Map<String, Object> body = new HashMap<>();
        body.put("schoolUrn", urn);
        body.put("category", "TROLLING");
        body.put(
                "occurredAt",
                Instant.now()
                        .minus(1, ChronoUnit.HOURS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        body.put("description", description);
        return body;
    }

    private static final String DPO = Tokens.withRoles("dpo-officer", java.util.Set.of("dpo"));

    /** The data protection officer's export request, with its reference and reason. */
    private static io.restassured.specification.RequestSpecification dpo() {
        return Api.as(DPO).queryParam("requestReference", "SAR-2026-017").queryParam("reason", "Art. 15 request");
    }

    @Test
    void theExportHoldsEveryKindOfTheAdultsRecordsAndNoOneElses() throws Exception {
        SchoolStaff s = SocialAccounts.aSchool();
        String me = s.admin1();
        String other = s.colleague();
        String staff = s.staff(me);
        String head = s.head();

        String slug = Policies.newPolicy();
        Map<String, Object> version = Policies.version("1.0", "Be kind online.", true, s.urn());
        version.put("dueDays", 7);
        String sha = Policies.publish(slug, version);
        String ack = Api.as(staff)
                .body(Policies.ack(slug, "1.0", s.urn(), sha))
                .post("/api/v1/me/acknowledgements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.as(s.staff(other))
                .body(Policies.ack(slug, "1.0", s.urn(), sha))
                .post("/api/v1/me/acknowledgements")
                .then()
                .statusCode(201);

        var declared = Api.as(staff)
                .body(Map.of(
                        "schoolUrn",
                        s.urn(),
                        "pupilMisId",
                        "MIS-SAR-1",
                        "pupilName",
                        "Named As Given",
                        "relationship",
                        "PARENT",
                        "note",
                        "my own note"))
                .post("/api/v1/me/family-declarations")
                .then()
                .statusCode(201)
                .extract();
        Api.as(head)
                .header("If-Match", declared.header("ETag"))
                .body(Map.of(
                        "discussedOn",
                        LocalDate.now(TestClock.get()).toString(),
                        "agreedProtocols",
                        "HEAD-PROTOCOL-TEXT"))
                .post("/api/v1/schools/{urn}/family-declarations/{id}/acknowledge", s.urn(), (String)
                        declared.path("id"))
                .then()
                .statusCode(200);
        String account = s.propose(SocialAccounts.newHandle());

        String mine = Api.as(staff)
                .body(concern(s.urn(), "MY-CONCERN-TEXT"))
                .post("/api/v1/me/concerns")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(staff)
                .multiPart("file", "note.txt", "what they wrote".getBytes(), "text/plain")
                .post("/api/v1/me/concerns/{id}/evidence", mine)
                .then()
                .statusCode(201);
        Map<String, Object> aboutMe = concern(s.urn(), "CONCERN-ABOUT-THE-SUBJECT");
        aboutMe.put("aboutStaffHrId", me);
        String about = Api.as(s.staff(other))
                .body(aboutMe)
                .post("/api/v1/me/concerns")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> closedAboutMe = concern(s.urn(), "CLOSED-CONCERN-ABOUT-THE-SUBJECT");
        closedAboutMe.put("aboutStaffHrId", me);
        String closedAbout = Api.as(s.staff(other))
                .body(closedAboutMe)
                .post("/api/v1/me/concerns")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String closing = Api.as(head)
                .get("/api/v1/schools/{urn}/concerns/{id}", s.urn(), closedAbout)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        Api.as(head)
                .header("If-Match", closing)
                .body(Map.of("outcome", "RESOLVED"))
                .post("/api/v1/schools/{urn}/concerns/{id}/close", s.urn(), closedAbout)
                .then()
                .statusCode(200);
        Api.as(s.staff(other))
                .body(concern(s.urn(), "OTHER-ADULTS-CONCERN"))
                .post("/api/v1/me/concerns")
                .then()
                .statusCode(201);
        String permission = Api.as(head)
                .body(Map.of(
                        "staffHrId",
                        me,
                        "purpose",
                        "Class group",
                        "channel",
                        "Facebook",
                        "validFrom",
                        LocalDate.now(TestClock.get()).toString(),
                        "validTo",
                        LocalDate.now(TestClock.get()).plusDays(30).toString()))
                .post("/api/v1/schools/{urn}/permissions", s.urn())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String unread = Policies.newPolicy(); // not acknowledged: a reminder goes today (7 days before its due date)
        Map<String, Object> due = Policies.version("1.0", "Read me.", true, s.urn());
        due.put("dueDays", 7);
        Policies.publish(unread, due);
        Api.as(Tokens.trustAdmin())
                .queryParam("school", s.urn())
                .post("/api/v1/reminders/run")
                .then()
                .statusCode(200);

        JsonPath export = dpo().get("/api/v1/staff/{hrId}/subject-access-export", me)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(export.getString("record.hr_id")).isEqualTo(me);
        assertThat(export.getList("assignments.school_urn")).contains(s.urn());
        assertThat(export.getList("acknowledgements.id")).containsExactly(ack);
        assertThat(export.getList("familyDeclarations.pupil_name")).containsExactly("Named As Given");
        assertThat(export.getList("socialAccounts.id")).contains(account);
        assertThat(export.getList("concernsRaised.id")).containsExactly(mine);
        assertThat(export.getList("concernsRaised[0].evidence.fileName")).containsExactly("note.txt");
        assertThat(export.getList("expressPermissions.id")).containsExactly(permission);
        assertThat(export.getList("remindersSent")).isNotEmpty();
        assertThat(export.getList("auditEvents.target_id")).contains(ack, mine, permission);
        assertThat(export.getList("withheld.kind")).contains("CONCERN_ABOUT_SUBJECT", "DECLARATION_HEAD_RECORD");
        // an open concern about the subject is left out entirely (tipping-off); a closed one is listed as withheld
        assertThat(export.getList("withheld.id")).doesNotContain(about).contains(closedAbout);
        assertThat(export.getList("redactionReview.section")).contains("familyDeclarations", "concernsRaised");
        assertThat(export.getString("requestReference")).isEqualTo("SAR-2026-017");
        assertThat(export.getList("auditEvents.action"))
                .as("handlers' activity on concerns is never listed")
                .doesNotContain("concern.read", "concern.acknowledged", "concern.closed");
        assertThat(dpo().queryParam("includeOpenConcernsAboutSubject", true)
                        .get("/api/v1/staff/{hrId}/subject-access-export", me)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("withheld.id"))
                .contains(about, closedAbout);
        String text = export.prettify();
        assertThat(text)
                .doesNotContain("CONCERN-ABOUT-THE-SUBJECT")
                .doesNotContain("CLOSED-CONCERN-ABOUT-THE-SUBJECT")
                .doesNotContain("HEAD-PROTOCOL-TEXT")
                .doesNotContain("OTHER-ADULTS-CONCERN")
                .doesNotContain("\"" + other + "\"");
        assertThat(Db.count(
                        "SELECT count(*) FROM audit_events e JOIN subject_access_exports x ON x.id::text = e.target_id"
                                + " JOIN adults a ON a.id = x.subject_adult_id WHERE e.action = 'subject-access.exported'"
                                + " AND e.target_type = 'subject-access-export' AND a.hr_id = ?"
                                + " AND x.request_reference = 'SAR-2026-017' AND x.reason = 'Art. 15 request'",
                        me))
                .isEqualTo(2);

        byte[] zip = io.restassured.RestAssured.given()
                .auth()
                .oauth2(DPO)
                .queryParam("requestReference", "SAR-2026-017")
                .queryParam("reason", "Art. 15 request")
                .accept("application/zip")
                .get("/api/v1/staff/{hrId}/subject-access-export", me)
                .then()
                .statusCode(200)
                .contentType("application/zip")
                .extract()
                .asByteArray();
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
            }
        }
        assertThat(entries)
                .contains("subject-access-export.json")
                .anyMatch(n -> n.startsWith("evidence/") && n.endsWith("note.txt"));

        for (String token : List.of(head, staff, Tokens.hrSync(), Tokens.trustAdmin())) {
            Api.as(token)
                    .queryParam("requestReference", "SAR-2026-017")
                    .queryParam("reason", "Art. 15 request")
                    .get("/api/v1/staff/{hrId}/subject-access-export", me)
                    .then()
                    .statusCode(403);
        }
        dpo().get("/api/v1/staff/{hrId}/subject-access-export", "NOBODY-1")
                .then()
                .statusCode(404);
        long exports = Db.count("SELECT count(*) FROM subject_access_exports");
        for (String missing : List.of("requestReference", "reason")) {
            var request = Api.as(DPO);
            if (!missing.equals("requestReference")) {
                request = request.queryParam("requestReference", "SAR-2026-017");
            }
            if (!missing.equals("reason")) {
                request = request.queryParam("reason", "Art. 15 request");
            }
            request.get("/api/v1/staff/{hrId}/subject-access-export", me)
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json");
        }
        assertThat(Db.count("SELECT count(*) FROM subject_access_exports")).isEqualTo(exports);
    }
}
