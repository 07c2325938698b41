package org.schooltrust.smp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.reminder.ReminderMailer;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.MailServer;
import org.schooltrust.smp.support.Policies;
import org.schooltrust.smp.support.SocialAccounts;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/**
 * No personal data in logs, proven: the main flows run with a handler on the root logger capturing every line (at
 * every level the application logs), and none names an adult, an email, a pupil, a note or a reason.
 */
@ApiTest
class LogPrivacyTest {

    private static final String FIRST = "Zebedee";
    private static final String LAST = "Quixotic-Personal";
    private static final String PUPIL = "Pupilname Secretsurname";
    private static final String NOTE = "note-of-a-private-matter";
    private static final String PROTOCOL = "protocol-agreed-in-private";
    private static final String DESCRIPTION = "description-of-a-concern-in-confidence";
    private static final String REASON =
            "A reason that is long enough to pass the rule: private-reason-text for parents.";

    @jakarta.inject.Inject
    ReminderMailer mailer;

    @Test
    void theMainFlowsLogNothingPersonal() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage();
                if (record.getParameters() != null && message != null) {
                    try {
                        message = String.format(message, record.getParameters());
                    } catch (RuntimeException e) {
                        message = message + " " + java.util.Arrays.toString(record.getParameters());
                    }
                }
                lines.add(String.valueOf(message) + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        Logger ours = Logger.getLogger("org.schooltrust");
        Level configured = ours.getLevel();
        ours.setLevel(Level.ALL); // the service's own debug lines too
        MailServer.stopShared(); // so the mail outbox logs its failures
        String email;
        try {
            String school = TestData.newSchool();
            String hrId = TestData.newHrId("E");
            email = hrId.toLowerCase() + "@private.example";
            Api.as(Tokens.hrSync())
                    .body(TestData.anAdult(hrId)
                            .with("firstName", FIRST)
                            .with("lastName", LAST)
                            .with("workEmail", email)
                            .at(school)
                            .build())
                    .put("/api/v1/staff/{hrId}", hrId)
                    .then()
                    .statusCode(201);
            // a bad record too: validation errors are logged nowhere with their values
            Api.as(Tokens.hrSync())
                    .body(TestData.anAdult(hrId)
                            .with("firstName", FIRST)
                            .with("workEmail", "not-an-email " + LAST)
                            .at(school)
                            .build())
                    .put("/api/v1/staff/{hrId}", hrId)
                    .then()
                    .statusCode(422);
            String staff = Tokens.staff(hrId, school);
            String head = Tokens.head(TestData.newHrId("H"), school);

            String slug = Policies.newPolicy();
            String sha = Policies.publish(slug, Policies.version("1.0", "Be kind online.", true, school));
            Api.as(staff)
                    .body(Policies.ack(slug, "1.0", school, sha))
                    .post("/api/v1/me/acknowledgements")
                    .then()
                    .statusCode(201);

            var declared = Api.as(staff)
                    .body(Map.of(
                            "schoolUrn", school,
                            "pupilMisId", "MIS-" + hrId,
                            "pupilName", PUPIL,
                            "relationship", "AUNT_UNCLE",
                            "note", NOTE))
                    .post("/api/v1/me/family-declarations")
                    .then()
                    .statusCode(201)
                    .extract();
            Api.as(head)
                    .header("If-Match", declared.header("ETag"))
                    .body(Map.of(
                            "discussedOn", LocalDate.now().toString(), "agreedProtocols", PROTOCOL, "headNote", NOTE))
                    .post("/api/v1/schools/{urn}/family-declarations/{id}/acknowledge", school, declared.path("id"))
                    .then()
                    .statusCode(200);

            String second = TestData.hrAdultAt(school);
            Map<String, Object> proposal =
                    SocialAccounts.proposal(school, "X", SocialAccounts.newHandle(), hrId, second);
            proposal.put("reason", REASON);
            Api.as(staff).body(proposal).post("/api/v1/social-accounts").then().statusCode(201);

            Api.as(staff)
                    .body(Map.of(
                            "schoolUrn",
                            school,
                            "category",
                            "CYBERBULLYING",
                            "occurredAt",
                            Instant.now()
                                    .minus(1, ChronoUnit.HOURS)
                                    .truncatedTo(ChronoUnit.SECONDS)
                                    .toString(),
                            "description",
                            DESCRIPTION))
                    .post("/api/v1/me/concerns")
                    .then()
                    .statusCode(201);
            Api.as(Tokens.trustAdmin())
                    .queryParam("school", school)
                    .post("/api/v1/reminders/run")
                    .then()
                    .statusCode(200);
            mailer.sendPending();
        } finally {
            root.removeHandler(capture);
            ours.setLevel(configured);
        }
        assertThat(lines).as("something was logged, so the handler works").isNotEmpty();
        for (String secret : List.of(
                FIRST, LAST, email, PUPIL, "Secretsurname", NOTE, PROTOCOL, DESCRIPTION, "private-reason-text")) {
            assertThat(lines).as("no log line names " + secret).noneMatch(line -> line.contains(secret));
        }
    }
}
