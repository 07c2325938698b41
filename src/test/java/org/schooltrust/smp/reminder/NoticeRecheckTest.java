package org.schooltrust.smp.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Concerns;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.MailServer;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/**
 * Safeguarding notices are re-checked when they are sent (issue 23): an adult who no longer holds the responsibility
 * at the school — HR took it away, ended the assignment or deactivated them — is not mailed what was queued for it.
 */
@ApiTest
class NoticeRecheckTest {

    @Inject
    ReminderMailer mailer;

    private static String status(String concern, String hrId) {
        return Db.first(
                "SELECT m.email_status FROM reminder_messages m JOIN adults a ON a.id = m.recipient_adult_id"
                        + " WHERE m.kind = 'CONCERN_RAISED' AND m.context->>'concernId' = ? AND a.hr_id = ?",
                concern,
                hrId);
    }

    @Test
    void aHeadWhoLostTheResponsibilityBeforeTheSendIsNotMailed() {
        try (MailServer mail = MailServer.start()) {
            String school = TestData.newSchool();
            String head = TestData.newHrId("H");
            String stays = TestData.newHrId("H");
            for (String hrId : new String[] {head, stays}) {
                Api.as(Tokens.hrSync())
                        .body(TestData.anAdult(hrId).headAt(school).build())
                        .put("/api/v1/staff/{hrId}", hrId)
                        .then()
                        .statusCode(201);
            }
            String reporter = TestData.hrAdultAt(school);
            String concern = Concerns.raise(Tokens.staff(reporter, school), Concerns.body(school, "TROLLING"));
            assertThat(status(concern, head)).isEqualTo("PENDING");

            // HR's next sync: still at the school, no longer its Head
            Api.as(Tokens.hrSync())
                    .body(TestData.anAdult(head).at(school).build())
                    .put("/api/v1/staff/{hrId}", head)
                    .then()
                    .statusCode(200);
            mailer.sendPending();

            assertThat(status(concern, head)).isEqualTo("NOT_SENT");
            assertThat(status(concern, stays)).isEqualTo("SENT");
            assertThat(mail.to(head.toLowerCase() + "@school.example")).isEmpty();
            assertThat(mail.to(stays.toLowerCase() + "@school.example")).hasSize(1);
        }
    }
}
