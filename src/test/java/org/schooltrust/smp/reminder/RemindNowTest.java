package org.schooltrust.smp.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.Policies;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/** Issue 27: a Head reminds their school's outstanding staff now, at most once a day each, audited. */
@ApiTest
class RemindNowTest {

    String school;
    String other;
    String slug;
    String done;
    String due;
    String elsewhere;
    String head;

    @BeforeEach
    void aSchoolWithOneOutstandingAdult() {
        school = TestData.newSchool();
        other = TestData.newSchool();
        slug = Policies.newPolicy();
        String sha = Policies.publish(slug, Policies.version("1.0", "1. Rules\n1.1 Rule.\n", true, school, other));
        done = TestData.hrAdultAt(school);
        due = TestData.hrAdultAt(school);
        elsewhere = TestData.hrAdultAt(other);
        head = Tokens.head(TestData.newHrId("H"), school);
        Api.as(Tokens.staff(done, school))
                .body(Policies.ack(slug, "1.0", school, sha))
                .post("/api/v1/me/acknowledgements")
                .then()
                .statusCode(201);
    }

    long remindersTo(String hrId) {
        return Db.count(
                "SELECT count(*) FROM reminders r JOIN adults a ON a.id = r.recipient_adult_id"
                        + " WHERE r.kind = 'POLICY_ACKNOWLEDGEMENT' AND a.hr_id = ? AND r.stage LIKE 'NOW_%'"
                        + " AND r.subject_ref IN (SELECT v.basis_id FROM policy_versions v JOIN policies p"
                        + " ON p.id = v.policy_id WHERE p.slug = ?)",
                hrId, slug);
    }

    @Test
    void aDryRunShowsWhoWouldBeRemindedAndChangesNothing() {
        List<String> recipients = Api.as(head)
                .queryParam("dryRun", true)
                .post("/api/v1/schools/{urn}/reminders/now", school)
                .then()
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .extract()
                .path("items.recipientHrId");
        // (other tests' Trust-wide policies may be outstanding for anyone here; no one of another school is reminded)
        assertThat(recipients).contains(due).doesNotContain(elsewhere);
        assertThat(remindersTo(due)).isZero();
    }

    @Test
    void eachOutstandingAdultIsRemindedOnceADayAndItIsAudited() {
        Api.as(head)
                .post("/api/v1/schools/{urn}/reminders/now", school)
                .then()
                .statusCode(200)
                .body("dryRun", equalTo(false));
        assertThat(remindersTo(due)).isEqualTo(1);
        assertThat(remindersTo(done)).isZero();
        assertThat(remindersTo(elsewhere)).isZero();
        // a second click the same day reminds no one again
        Api.as(head)
                .post("/api/v1/schools/{urn}/reminders/now", school)
                .then()
                .statusCode(200)
                .body("reminders", equalTo(0));
        // the adult's reminder of every outstanding policy went in the first click; none in the second
        assertThat(remindersTo(due)).isEqualTo(1);
        assertThat(Db.count(
                        "SELECT count(*) FROM audit_events WHERE action = 'reminders.remind-now' AND target_id = ?",
                        school))
                .isEqualTo(2);
    }

    @Test
    void onlyTheSchoolsHeadOrTrustAdminMayAndAnotherSchoolIs404() {
        Api.as(Tokens.head(TestData.newHrId("H"), other))
                .post("/api/v1/schools/{urn}/reminders/now", school)
                .then()
                .statusCode(404);
        Api.as(Tokens.staff(due, school))
                .post("/api/v1/schools/{urn}/reminders/now", school)
                .then()
                .statusCode(403);
        Api.as(Tokens.trustAdmin())
                .post("/api/v1/schools/{urn}/reminders/now", "999997")
                .then()
                .statusCode(404);
        Api.as(head)
                .queryParam("dryRun", "perhaps")
                .post("/api/v1/schools/{urn}/reminders/now", school)
                .then()
                .statusCode(422);
        assertThat(remindersTo(due)).isZero();
    }
}
