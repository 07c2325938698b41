package org.schooltrust.smp.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.Holds;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/**
 * Retention with the clock moved: a class is disposed of on its date and not a day before; a held record survives
 * and goes at the next run once the hold is lifted; a pupil's name is erased 30 days after the declaration ends
 * while the link history stays; bad rules and holds change nothing.
 */
@ApiTest
class RetentionTest {

    @AfterEach
    void reset() {
        TestClock.get().reset();
        setPeriod("FAMILY_DECLARATION", "P6Y");
    }

    private static void setPeriod(String recordClass, String period) {
        Api.as(Tokens.trustAdmin())
                .body(Map.of("period", period))
                .put("/api/v1/retention-rules/{c}", recordClass)
                .then()
                .statusCode(200);
    }

    private static void days(int n) {
        TestClock.get().reset();
        TestClock.get().advance(Duration.ofDays(n));
    }

    private static JsonPath dispose() {
        return Api.as(Tokens.trustAdmin())
                .post("/api/v1/disposal-runs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** A declaration of a fresh adult for {@code pupil}, ended today by the MIS reporting that the pupil left. */
    private static String endedDeclaration(String school, String pupil) {
        String adult = TestData.hrAdultAt(school);
        String id = Api.as(Tokens.staff(adult, school))
                .body(Map.of(
                        "schoolUrn",
                        school,
                        "pupilMisId",
                        pupil,
                        "pupilName",
                        "Erasable Pupilname",
                        "relationship",
                        "SIBLING"))
                .post("/api/v1/me/family-declarations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.as(Tokens.mis(school))
                .post("/api/v1/schools/{urn}/pupils/{pupil}/left", school, pupil)
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
        assertThat(Db.first("SELECT status FROM family_declarations WHERE id = ?::uuid", id))
                .isEqualTo("ENDED");
        return id;
    }

    @Test
    void aPupilsNameIsErasedThirtyDaysAfterTheDeclarationEndsAndTheLinkStays() {
        String school = TestData.newSchool();
        String pupil = "P-" + System.nanoTime();
        String id = endedDeclaration(school, pupil);
        days(30);
        dispose();
        assertThat(Db.first("SELECT pupil_name FROM family_declarations WHERE id = ?::uuid", id))
                .isEqualTo("Erasable Pupilname");
        days(31);
        JsonPath run = dispose();
        assertThat(Db.first("SELECT pupil_name FROM family_declarations WHERE id = ?::uuid", id))
                .isEmpty();
        assertThat(Db.first("SELECT pupil_mis_id || ' ' || status FROM family_declarations WHERE id = ?::uuid", id))
                .isEqualTo(pupil + " ENDED");
        assertThat(run.getList("certificate.findAll { it.recordClass == 'DECLARATION_PUPIL_NAME' }.id"))
                .contains(id);
        assertThat(run.getString("certificate.toString()")).doesNotContain("Erasable");
    }

    @Test
    void aClassGoesOnItsDateAHeldRecordSurvivesAndGoesOnceTheHoldIsLifted() {
        // the period is the class's floor, six years: time moves, the rule is not shortened (issue 24)
        java.time.LocalDate day0 = java.time.LocalDate.now(TestClock.get());
        int period = (int) java.time.temporal.ChronoUnit.DAYS.between(day0, day0.plusYears(6));
        String school = TestData.newSchool();
        String held = endedDeclaration(school, "H-" + System.nanoTime());
        String free = endedDeclaration(school, "F-" + System.nanoTime());
        var hold = Api.as(Tokens.trustAdmin())
                .body(Map.of("targetType", "RECORD", "targetId", held, "reason", "IICSA: do not destroy"))
                .post("/api/v1/legal-holds")
                .then()
                .statusCode(201)
                .extract();

        String today = java.time.LocalDate.now(TestClock.get()).toString();
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/retention-rules/FAMILY_DECLARATION/records/{id}", free)
                .then()
                .statusCode(200)
                .body("basisDate", equalTo(today))
                .body("disposalDate", equalTo(day0.plusYears(6).plusDays(1).toString()))
                .body("held", equalTo(false));
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/retention-rules/FAMILY_DECLARATION/records/{id}", held)
                .then()
                .statusCode(200)
                .body("held", equalTo(true));
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/retention-rules/CONCERN/records/{id}", free)
                .then()
                .statusCode(404);

        days(period);
        Api.as(Tokens.trustAdmin())
                .queryParam("dryRun", "true")
                .post("/api/v1/disposal-runs")
                .then()
                .statusCode(200)
                .body("dryRun", equalTo(true));
        dispose();
        assertThat(Db.count("SELECT count(*) FROM family_declarations WHERE id IN (?::uuid, ?::uuid)", held, free))
                .as("not a day before")
                .isEqualTo(2);

        days(period + 1);
        long beforeDry = Db.count("SELECT count(*) FROM family_declarations");
        JsonPath dry = Api.as(Tokens.trustAdmin())
                .queryParam("dryRun", "true")
                .post("/api/v1/disposal-runs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(dry.getList("certificate.id")).contains(free).doesNotContain(held);
        assertThat(Db.count("SELECT count(*) FROM family_declarations"))
                .as("a dry run changes nothing")
                .isEqualTo(beforeDry);

        JsonPath run = dispose();
        assertThat(Db.count("SELECT count(*) FROM family_declarations WHERE id = ?::uuid", free))
                .isZero();
        assertThat(Db.count("SELECT count(*) FROM family_declarations WHERE id = ?::uuid", held))
                .isEqualTo(1);
        String runId = run.getString("id");
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/disposal-runs/{id}", runId)
                .then()
                .statusCode(200)
                .body(
                        "certificate.find { it.id == '" + free + "' }.sha256",
                        org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));
        assertThat(Db.count(
                        "SELECT count(*) FROM audit_events WHERE action = 'retention.disposed' AND target_id = ?",
                        runId))
                .isEqualTo(1);

        Holds.lift(hold.path("id"));
        dispose();
        assertThat(Db.count("SELECT count(*) FROM family_declarations WHERE id = ?::uuid", held))
                .isZero();
    }

    @Test
    void badRulesAndHoldsAre422AndChangeNothing() {
        String before = Db.first(
                        "SELECT string_agg(record_class || period || version, ',' ORDER BY record_class) FROM retention_rules")
                + Db.count("SELECT count(*) FROM legal_holds");
        for (String period : List.of("-P1Y", "P0D", "six years", "P200Y", "", "P1D", "P5Y11M")) {
            Api.as(Tokens.trustAdmin())
                    .body(Map.of("period", period))
                    .put("/api/v1/retention-rules/{c}", "CONCERN")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json");
        }
        Api.as(Tokens.trustAdmin())
                .body(Map.of("period", "P1Y"))
                .put("/api/v1/retention-rules/{c}", "NO_SUCH_CLASS")
                .then()
                .statusCode(422);
        Api.as(Tokens.trustAdmin())
                .body(Map.of("period", "P30Y"))
                .put("/api/v1/retention-rules/{c}", "CONCERN")
                .then()
                .statusCode(422); // longer than child protection
        for (Map<String, Object> hold : List.of(
                Map.<String, Object>of("targetType", "ADULT", "targetId", "NOBODY-" + System.nanoTime(), "reason", "x"),
                Map.<String, Object>of(
                        "targetType",
                        "RECORD",
                        "targetId",
                        java.util.UUID.randomUUID().toString(),
                        "reason",
                        "x"),
                Map.<String, Object>of("targetType", "TABLE", "targetId", "adults", "reason", "x"),
                Map.<String, Object>of("targetType", "SCHOOL", "targetId", "100001", "reason", " "))) {
            Api.as(Tokens.trustAdmin())
                    .body(hold)
                    .post("/api/v1/legal-holds")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json");
        }
        for (String token : List.of(Tokens.hrSync(), Tokens.staff("E-1", "100001"), Tokens.registerReader())) {
            Api.as(token).get("/api/v1/retention-rules").then().statusCode(403);
            Api.as(token).post("/api/v1/disposal-runs").then().statusCode(403);
        }
        assertThat(Db.first(
                                "SELECT string_agg(record_class || period || version, ',' ORDER BY record_class) FROM retention_rules")
                        + Db.count("SELECT count(*) FROM legal_holds"))
                .isEqualTo(before);
    }
}
