package org.schooltrust.smp.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.MailServer;
import org.schooltrust.smp.support.Policies;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/** Exactly once: concurrent runs record each reminder once; a failed send is retried, then sent once, never again. */
@ApiTest
class ReminderDeliveryTest {

    @Inject
    ReminderRun run;

    @Inject
    ReminderMailer mailer;

    @AfterEach
    void reset() {
        TestClock.get().reset();
    }

    /** A school whose adults have an acknowledgement due in 7 days (BEFORE_7 due today). */
    private static String schoolWithReminderDue(int adults) {
        String school = TestData.newSchool();
        for (int i = 0; i < adults; i++) {
            TestData.hrAdultAt(school);
        }
        String slug = Policies.newPolicy();
        Map<String, Object> version = Policies.version("1.0", "Be kind online.", true, school);
        version.put("dueDays", 7);
        Policies.publish(slug, version);
        return school;
    }

    private static long reminders(String school) {
        return Db.count("SELECT count(*) FROM reminders WHERE school_urn = ?", school);
    }

    @Test
    void concurrentRunsRecordEachReminderOnce() throws Exception {
        String school = schoolWithReminderDue(6);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Callable<Integer> once = () -> run.run(false, school).reminders();
            List<Future<Integer>> runs = pool.invokeAll(List.of(once, once, once));
            int total = 0;
            for (Future<Integer> f : runs) {
                total += f.get();
            }
            assertThat(total).isEqualTo(6);
            assertThat(reminders(school)).isEqualTo(6);
            assertThat(Db.count(
                            "SELECT count(*) FROM audit_events WHERE action = 'reminder.sent' AND school_urn = ?",
                            school))
                    .isEqualTo(6);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentSendersSendEachMessageOnce() throws Exception {
        String school = schoolWithReminderDue(8);
        try (MailServer mail = MailServer.start()) {
            run.run(false, school);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                Callable<Integer> send = mailer::sendPending;
                for (Future<Integer> f : pool.invokeAll(List.of(send, send, send))) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(mail.received().stream()
                            .filter(m -> MailServer.text(m).contains("School " + school))
                            .count())
                    .isEqualTo(8);
            assertThat(Db.count(
                            "SELECT count(*) FROM reminder_messages WHERE school_urn = ? AND email_status = 'SENT'",
                            school))
                    .isEqualTo(8);
        }
    }

    @Test
    void aFailedSendIsRetriedThenSentOnceAndNeverAgain() throws Exception {
        String school = schoolWithReminderDue(1);
        run.run(false, school);
        // nothing listens on the SMTP port: the send fails and is kept for a retry
        MailServer.stopShared();
        mailer.sendPending();
        assertThat(Db.first(
                        "SELECT email_status || ' ' || attempts || ' ' || last_error FROM reminder_messages"
                                + " WHERE school_urn = ?",
                        school))
                .startsWith("PENDING 1 ");
        try (MailServer mail = MailServer.start()) {
            mailer.sendPending();
            assertThat(mail.received()).as("not before its retry time").isEmpty();
            TestClock.get().advance(Duration.ofMinutes(2));
            mailer.sendPending();
            mailer.sendPending();
            TestClock.get().advance(Duration.ofDays(1));
            mailer.sendPending();
            assertThat(mail.received().stream()
                            .filter(m -> MailServer.text(m).contains("School " + school))
                            .count())
                    .isEqualTo(1);
            assertThat(Db.first(
                            "SELECT email_status || ' ' || attempts FROM reminder_messages WHERE school_urn = ?",
                            school))
                    .isEqualTo("SENT 2");
            // the error kept names no address
            assertThat(Db.count("SELECT count(*) FROM reminder_messages WHERE last_error LIKE '%@%'"))
                    .isZero();
        }
    }

    @Test
    void aDryRunAnswersWhatWouldGoAndWritesNothing() {
        String school = schoolWithReminderDue(2);
        long audit = Db.count("SELECT count(*) FROM audit_events");
        Api.as(Tokens.trustAdmin())
                .queryParam("dryRun", "true")
                .queryParam("school", school)
                .post("/api/v1/reminders/run")
                .then()
                .statusCode(200)
                .body("dryRun", org.hamcrest.Matchers.is(true))
                .body("reminders", org.hamcrest.Matchers.greaterThanOrEqualTo(2))
                .body(
                        "items.findAll { it.kind == 'POLICY_ACKNOWLEDGEMENT' }.stage",
                        org.hamcrest.Matchers.hasItem("BEFORE_7"));
        assertThat(reminders(school)).isZero();
        assertThat(Db.count("SELECT count(*) FROM reminder_messages WHERE school_urn = ?", school))
                .isZero();
        assertThat(Db.count("SELECT count(*) FROM audit_events")).isEqualTo(audit);
    }
}
