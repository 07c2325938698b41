package org.schooltrust.smp.concern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Concerns;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/**
 * Abuse limits (issue 23): one staff token cannot bury real alerts under hundreds of concerns, fill the database with
 * evidence, or flood handlers with urgent mail. Refusals are 429 with Retry-After and write nothing.
 */
@ApiTest
class ConcernLimitsTest {

    private String school;
    private String reporter;
    private String token;

    @BeforeEach
    void setUp() {
        school = TestData.newSchool();
        Tokens.head(TestData.newHrId("H"), school);
        reporter = TestData.hrAdultAt(school);
        token = Tokens.staff(reporter, school);
    }

    @AfterEach
    void resetClock() {
        TestClock.get().reset();
    }

    private static long concernsOf(String hrId) {
        return Db.count(
                "SELECT count(*) FROM concerns c JOIN adults a ON a.id = c.reporter_adult_id WHERE a.hr_id = ?", hrId);
    }

    @Test
    void theEleventhConcernWithinAnHourIs429AndWritesNothingThenTheWindowMovesOn() {
        for (int i = 0; i < 10; i++) {
            Concerns.raise(token, Concerns.body(school, "OTHER"));
        }
        String before = Db.first("SELECT count(*) || '/' || (SELECT count(*) FROM reminder_messages) FROM concerns");
        String retryAfter = Api.as(token)
                .body(Concerns.body(school, "OTHER"))
                .post("/api/v1/me/concerns")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/rate-limited"))
                .extract()
                .header("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 3600L);
        assertThat(Db.first("SELECT count(*) || '/' || (SELECT count(*) FROM reminder_messages) FROM concerns"))
                .isEqualTo(before);
        assertThat(concernsOf(reporter)).isEqualTo(10);

        TestClock.get().advance(Duration.ofSeconds(Long.parseLong(retryAfter) + 1));
        Concerns.raise(token, Concerns.body(school, "OTHER"));
        assertThat(concernsOf(reporter)).isEqualTo(11);
    }

    @Test
    void evidenceOverTheAdultsQuotaIs429AndKeepsNothing() {
        String concern = Concerns.raise(token, Concerns.body(school, "CYBERBULLYING"));
        byte[] file = new byte[100 * 1024];
        System.arraycopy(EvidenceTypeTest.PNG, 0, file, 0, EvidenceTypeTest.PNG.length);
        for (int i = 0; i < 2; i++) {
            upload(concern, file).then().statusCode(201);
        }
        long before = Db.count("SELECT count(*) FROM concern_evidence");
        upload(concern, file)
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        assertThat(Db.count("SELECT count(*) FROM concern_evidence")).isEqualTo(before);
    }

    @Test
    void urgentMailIsSentOncePerReporterAndWindowThoughEveryConcernIsRecorded() {
        String first = Concerns.raise(token, Concerns.body(school, "RADICALISATION"));
        String second = Concerns.raise(token, Concerns.body(school, "RADICALISATION"));
        assertThat(statuses(first)).containsOnly("PENDING");
        assertThat(statuses(second)).isNotEmpty().containsOnly("NOT_SENT");
        Api.as(Tokens.headToken(
                        Db.first(
                                "SELECT a.hr_id FROM adults a JOIN adult_assignments s ON s.adult_id = a.id"
                                        + " WHERE s.school_urn = ? AND 'HEAD_OF_SCHOOL' = ANY(s.responsibilities)",
                                school),
                        school))
                .get("/api/v1/schools/{urn}/concerns", school)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2));
    }

    private static List<String> statuses(String concern) {
        return List.of(Db.first(
                        "SELECT string_agg(email_status, ',') FROM reminder_messages WHERE kind = 'CONCERN_RAISED'"
                                + " AND context->>'concernId' = ?",
                        concern)
                .split(","));
    }

    private io.restassured.response.Response upload(String concern, byte[] bytes) {
        return io.restassured.RestAssured.given()
                .auth()
                .oauth2(token)
                .accept(ContentType.JSON)
                .multiPart("file", "screenshot.png", bytes, "image/png")
                .post("/api/v1/me/concerns/{id}/evidence", concern);
    }
}
