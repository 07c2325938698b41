package org.schooltrust.smp.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
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
import org.schooltrust.smp.support.MailServer;
import org.schooltrust.smp.support.Policies;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/**
 * A whole reminder cycle, moved through with the clock against a real SMTP server: before the due date, on it,
 * overdue repeats up to the maximum, a closure postponing one, the Heads' one digest each, a joiner's welcome, an
 * adult who acknowledges mid-cycle and a leaver getting no more.
 */
@ApiTest
class ReminderCycleTest {

    @Inject
    ReminderMailer mailer;

    private MailServer mail;
    private LocalDate start;

    @BeforeEach
    void setUp() {
        mail = MailServer.start();
        start = LocalDate.now(TestClock.get());
    }

    @AfterEach
    void tearDown() {
        TestClock.get().reset();
        mail.close();
        Api.as(Tokens.trustAdmin())
                .body(Map.of("closures", List.of()))
                .put("/api/v1/calendar/closures")
                .then()
                .statusCode(200);
    }

    private void moveTo(int day) {
        TestClock.get().reset();
        TestClock.get().advance(Duration.ofDays(day));
    }

    private JsonPath run(String school) {
        JsonPath result = Api.as(Tokens.trustAdmin())
                .queryParam("school", school)
                .post("/api/v1/reminders/run")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        mailer.sendPending();
        return result;
    }

    private static String email(String hrId) {
        return hrId.toLowerCase() + "@school.example";
    }

    private List<MimeMessage> mailsAbout(String hrId, String title) {
        return mail.to(email(hrId)).stream()
                .filter(m -> MailServer.text(m).contains(title + " for School "))
                .toList();
    }

    private static long sent(String kind, String stage, String hrId, String slug) {
        return Db.count(
                "SELECT count(*) FROM reminders r JOIN adults a ON a.id = r.recipient_adult_id"
                        + " JOIN policy_versions v ON v.id = r.subject_ref JOIN policies p ON p.id = v.policy_id"
                        + " WHERE r.kind = ? AND r.stage = ? AND a.hr_id = ? AND p.slug = ?",
                kind,
                stage,
                hrId,
                slug);
    }

    @Test
    void aWholeCycleSendsEachStageOnceAndStopsForTheDoneAndTheGone() {
        String school = TestData.newSchool();
        String head = TestData.newHrId("H");
        Tokens.head(head, school); // registers a Head (HEAD_OF_SCHOOL at the school)
        String secondHead = TestData.newHrId("H");
        Api.as(Tokens.hrSync())
                .body(Map.of(
                        "hrId",
                        secondHead,
                        "firstName",
                        "Hana",
                        "lastName",
                        "Deputy",
                        "workEmail",
                        email(secondHead),
                        "category",
                        "TEACHER",
                        "active",
                        true,
                        "assignments",
                        List.of(Map.of(
                                "schoolUrn",
                                school,
                                "startDate",
                                "2020-09-01",
                                "responsibilities",
                                List.of("HEAD_OF_SCHOOL")))))
                .put("/api/v1/staff/{hrId}", secondHead)
                .then()
                .statusCode(201)
                .body("assignments[0].responsibilities", org.hamcrest.Matchers.contains("HEAD_OF_SCHOOL"));
        String late = hrAdult(school, "Lara", "Late");
        String leaver = hrAdult(school, "Leo", "Leaver");
        String diligent = hrAdult(school, "Dora", "Diligent");

        String slug = Policies.newPolicy();
        String title = "Test policy " + slug;
        Map<String, Object> version = Policies.version("1.0", "Be kind online.", true, school);
        version.put("dueDays", 10);
        String sha = Policies.publish(slug, version);
        String cursor = Events.latest();

        moveTo(3); // BEFORE_7
        run(school);
        for (String adult : List.of(late, leaver, diligent)) {
            assertThat(sent("POLICY_ACKNOWLEDGEMENT", "BEFORE_7", adult, slug)).isEqualTo(1);
            List<MimeMessage> mails = mailsAbout(adult, title);
            assertThat(mails).hasSize(1);
        }
        String body = MailServer.text(mailsAbout(late, title).get(0));
        assertThat(body)
                .contains("Dear Lara")
                .contains(title)
                .contains("School " + school)
                .contains(start.plusDays(10).toString())
                .contains("https://portal.trust.example/policies/" + slug)
                .doesNotContain("Late") // not even the recipient's surname
                .doesNotContain("Leo")
                .doesNotContain("Dora")
                .doesNotContain(late);
        run(school); // the same day again: nothing new
        assertThat(mailsAbout(late, title)).hasSize(1);

        Api.as(Tokens.staff(diligent, school))
                .body(Policies.ack(slug, "1.0", school, sha))
                .post("/api/v1/me/acknowledgements")
                .then()
                .statusCode(201);

        moveTo(9); // BEFORE_1
        run(school);
        assertThat(sent("POLICY_ACKNOWLEDGEMENT", "BEFORE_1", late, slug)).isEqualTo(1);
        assertThat(sent("POLICY_ACKNOWLEDGEMENT", "BEFORE_1", diligent, slug)).isZero();

        moveTo(10); // ON_DAY
        run(school);
        assertThat(sent("POLICY_ACKNOWLEDGEMENT", "ON_DAY", late, slug)).isEqualTo(1);
        assertThat(mailsAbout(diligent, title)).hasSize(1);

        // the school is closed on the days AFTER_1 and the escalation fall due: both move to the next open day
        Api.as(Tokens.trustAdmin())
                .body(Map.of(
                        "closures",
                        List.of(Map.of(
                                "schoolUrn",
                                school,
                                "startDate",
                                start.plusDays(13).toString(),
                                "endDate",
                                start.plusDays(14).toString(),
                                "label",
                                "INSET days"))))
                .put("/api/v1/calendar/closures")
                .then()
                .statusCode(200);
        moveTo(13);
        run(school);
        assertThat(sent("POLICY_ACKNOWLEDGEMENT", "AFTER_1", late, slug)).isZero();
        assertThat(sent("OVERDUE_ESCALATION", "AFTER_1", head, slug)).isZero();

        moveTo(15);
        JsonPath result = run(school);
        assertThat(sent("POLICY_ACKNOWLEDGEMENT", "AFTER_1", late, slug)).isEqualTo(1);
        assertThat(sent("POLICY_ACKNOWLEDGEMENT", "AFTER_1", leaver, slug)).isEqualTo(1);
        assertThat(result.getList("items.kind")).contains("OVERDUE_ESCALATION");
        for (String h : List.of(head, secondHead)) {
            List<MimeMessage> digests = mail.to(headEmail(h)).stream()
                    .filter(m -> MailServer.text(m).contains("overdue with a policy acknowledgement"))
                    .toList();
            assertThat(digests).as("one digest per Head").hasSize(1);
            String digest = MailServer.text(digests.get(0));
            assertThat(digest)
                    .contains("Lara Late (" + late + ")")
                    .contains("Leo Leaver (" + leaver + ")")
                    .doesNotContain("Dora");
        }

        // the leaver leaves; the late one keeps being reminded until the maximum (5)
        Api.as(Tokens.hrSync())
                .body(TestData.anAdult(leaver)
                        .with("firstName", "Leo")
                        .with("lastName", "Leaver")
                        .with("active", false)
                        .at(school)
                        .build())
                .put("/api/v1/staff/{hrId}", leaver)
                .then()
                .statusCode(200);
        String joiner = TestData.newHrId("J");
        Api.as(Tokens.hrSync())
                .body(Map.of(
                        "hrId",
                        joiner,
                        "firstName",
                        "Jo",
                        "lastName",
                        "Joiner",
                        "workEmail",
                        email(joiner),
                        "category",
                        "TEACHER",
                        "active",
                        true,
                        "assignments",
                        List.of(Map.of(
                                "schoolUrn",
                                school,
                                "startDate",
                                start.plusDays(18).toString()))))
                .put("/api/v1/staff/{hrId}", joiner)
                .then()
                .statusCode(201);
        moveTo(18);
        run(school);
        assertThat(sent("POLICY_ACKNOWLEDGEMENT", "AFTER_2", late, slug)).isEqualTo(1);
        assertThat(sent("POLICY_ACKNOWLEDGEMENT", "AFTER_2", leaver, slug)).isZero();
        assertThat(mail.to(email(joiner)).stream().map(MailServer::text))
                .anyMatch(t -> t.contains("Welcome to School " + school) && t.contains("Dear Jo"));

        moveTo(40);
        run(school);
        assertThat(Db.count(
                        "SELECT count(*) FROM reminders r JOIN adults a ON a.id = r.recipient_adult_id"
                                + " JOIN policy_versions v ON v.id = r.subject_ref JOIN policies p ON p.id = v.policy_id"
                                + " WHERE r.kind = 'POLICY_ACKNOWLEDGEMENT' AND a.hr_id = ? AND p.slug = ?",
                        late,
                        slug))
                .as("at most maxSends (5)")
                .isEqualTo(5);
        assertThat(mailsAbout(late, title)).hasSize(5);
        assertThat(mailsAbout(leaver, title)).hasSize(4);
        assertThat(mailsAbout(diligent, title)).hasSize(1);

        // visible: the compliance list, the adult's own list, the feed
        JsonPath compliance = Api.as(Tokens.head(head, school))
                .queryParam("policy", slug)
                .get("/api/v1/schools/{urn}/compliance", school)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(compliance.getInt("items.find { it.hrId == '" + late + "' }.remindersSent"))
                .isEqualTo(5);
        assertThat(compliance.getString("items.find { it.hrId == '" + late + "' }.lastRemindedAt"))
                .isNotNull();
        assertThat(compliance.getInt("items.find { it.hrId == '" + diligent + "' }.remindersSent"))
                .isEqualTo(1);

        List<Map<String, Object>> mine = Api.as(Tokens.staff(late, school))
                .get("/api/v1/me/reminders")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertThat(mine.stream()
                        .filter(m -> "POLICY_ACKNOWLEDGEMENT".equals(m.get("kind")))
                        .count())
                .isGreaterThanOrEqualTo(5);
        assertThat(mine).allSatisfy(m -> assertThat(m.get("email")).isEqualTo("SENT"));

        Events.Poll feed = Events.poll(Tokens.trustAdmin(), cursor, "school=" + school);
        assertThat(feed.types()).contains("reminder.sent", "escalation.sent", "requirement.overdue");
        assertThat(feed.events().toString()).doesNotContain("Lara").doesNotContain("Late");
    }

    private static String headEmail(String hrId) {
        String registered = Db.first("SELECT work_email FROM adults WHERE hr_id = ?", hrId);
        return registered;
    }

    private static String hrAdult(String school, String first, String last) {
        String hrId = TestData.newHrId("E");
        Api.as(Tokens.hrSync())
                .body(TestData.anAdult(hrId)
                        .with("firstName", first)
                        .with("lastName", last)
                        .at(school)
                        .build())
                .put("/api/v1/staff/{hrId}", hrId)
                .then()
                .statusCode(201);
        return hrId;
    }

    static LocalDate today() {
        return LocalDate.now(TestClock.get().withZone(ZoneOffset.UTC));
    }
}
