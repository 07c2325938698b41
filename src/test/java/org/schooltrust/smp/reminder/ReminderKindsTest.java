package org.schooltrust.smp.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.MailServer;
import org.schooltrust.smp.support.SocialAccounts;
import org.schooltrust.smp.support.SocialAccounts.SchoolStaff;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/**
 * The declaration and account kinds: a Head's digest of pending declarations says how many and nothing of them; a
 * declarant's re-confirmation reminder carries no pupil data; accounts past their review date reach the Heads.
 */
@ApiTest
class ReminderKindsTest {

    private static final String PUPIL_NAME = "Priya Secretname";

    @Inject
    ReminderMailer mailer;

    private MailServer mail;

    @BeforeEach
    void setUp() {
        mail = MailServer.start();
    }

    @AfterEach
    void tearDown() {
        TestClock.get().reset();
        mail.close();
    }

    private void run(String school) {
        Api.as(Tokens.trustAdmin())
                .queryParam("school", school)
                .post("/api/v1/reminders/run")
                .then()
                .statusCode(200);
        mailer.sendPending();
    }

    /** HR names the adult the school's Head in the register: whom digests go to. */
    static void designateHead(String hrId, String urn) {
        Map<String, Object> adult =
                new java.util.HashMap<>(TestData.anAdult(hrId).build());
        adult.put(
                "assignments",
                List.of(Map.of(
                        "schoolUrn", urn, "startDate", "2024-09-01", "responsibilities", List.of("HEAD_OF_SCHOOL"))));
        Api.as(Tokens.hrSync())
                .body(adult)
                .put("/api/v1/staff/{hrId}", hrId)
                .then()
                .statusCode(200);
    }

    private List<String> mailTo(String hrId, String containing) {
        String address = Db.first("SELECT work_email FROM adults WHERE hr_id = ?", hrId);
        return mail.to(address).stream()
                .map(MailServer::text)
                .filter(t -> t.contains(containing))
                .toList();
    }

    @Test
    void declarationsAwaitingReviewAreCountedForTheHeadAndReConfirmationsRemindTheDeclarant() {
        SchoolStaff s = SocialAccounts.aSchool();
        designateHead(s.headHrId(), s.urn());
        String head = s.head();
        var submitted = Api.as(s.staff(s.colleague()))
                .body(Map.of(
                        "schoolUrn", s.urn(),
                        "pupilMisId", "MIS-SECRET-77",
                        "pupilName", PUPIL_NAME,
                        "relationship", "AUNT_UNCLE",
                        "note", "My sister's daughter"))
                .post("/api/v1/me/family-declarations")
                .then()
                .statusCode(201)
                .extract();
        String id = submitted.path("id");

        TestClock.get().advance(Duration.ofDays(4));
        run(s.urn());
        assertThat(mailTo(s.headHrId(), "await")).isEmpty();

        TestClock.get().advance(Duration.ofDays(1)); // 5 days waiting
        run(s.urn());
        List<String> digests = mailTo(s.headHrId(), "declaration awaits your review");
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0))
                .contains("1 family declaration of School " + s.urn())
                .doesNotContain(PUPIL_NAME)
                .doesNotContain("Secretname")
                .doesNotContain("MIS-SECRET-77")
                .doesNotContain("sister")
                .doesNotContain(s.colleague());

        String etag = Api.as(head)
                .get("/api/v1/schools/{urn}/family-declarations/{id}", s.urn(), id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        String reconfirmBy = Api.as(head)
                .header("If-Match", etag)
                .body(Map.of("discussedOn", LocalDate.now(TestClock.get()).toString(), "agreedProtocols", "None."))
                .post("/api/v1/schools/{urn}/family-declarations/{id}/acknowledge", s.urn(), id)
                .then()
                .statusCode(200)
                .extract()
                .path("reconfirmBy");
        LocalDate by = LocalDate.parse(reconfirmBy);
        long days = ChronoUnit.DAYS.between(LocalDate.now(TestClock.get()), by);
        TestClock.get().advance(Duration.ofDays(days - 15));
        run(s.urn());
        assertThat(mailTo(s.colleague(), "re-confirm")).isEmpty();
        TestClock.get().advance(Duration.ofDays(1)); // 14 days before
        run(s.urn());
        List<String> reminders = mailTo(s.colleague(), "re-confirm");
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0))
                .contains(by.toString())
                .contains("School " + s.urn())
                .doesNotContain(PUPIL_NAME)
                .doesNotContain("MIS-SECRET-77")
                .doesNotContain("sister");
        run(s.urn());
        assertThat(mailTo(s.colleague(), "re-confirm")).hasSize(1);
    }

    @Test
    void accountsPastTheirReviewDateReachTheHeadsInOneDigest() {
        SchoolStaff s = SocialAccounts.aSchool();
        designateHead(s.headHrId(), s.urn());
        String first = SocialAccounts.newHandle();
        String second = SocialAccounts.newHandle();
        s.active(first);
        s.active(second);
        String due = Db.first("SELECT max(review_due)::text FROM social_accounts WHERE school_urn = ?", s.urn());
        long days = ChronoUnit.DAYS.between(LocalDate.now(TestClock.get()), LocalDate.parse(due));
        TestClock.get().advance(Duration.ofDays(days));
        run(s.urn());
        List<MimeMessage> toHead = mail.to(Db.first("SELECT work_email FROM adults WHERE hr_id = ?", s.headHrId()));
        List<String> digests = toHead.stream()
                .map(MailServer::text)
                .filter(t -> t.contains("due for review"))
                .toList();
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0))
                .contains("2 official social-media accounts")
                .contains(first)
                .contains(second);
    }
}
