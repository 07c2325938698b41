package org.schooltrust.smp.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/**
 * Disposal atomic with its record (issue 24, item 4): a run that dies between batches leaves every finished batch
 * disposed of together with its certificate items and its audit entry, and nothing else; the next run marks it
 * INTERRUPTED and carries on. Certificates are read in pages.
 */
@ApiTest
class DisposalAtomicTest {

    @Inject
    DisposalJob job;

    @AfterEach
    void reset() {
        job.testHooks(DisposalJob.BATCH, () -> {});
        TestClock.get().reset();
    }

    private static String endedDeclaration(String school) {
        String adult = TestData.hrAdultAt(school);
        String pupil = "P-" + System.nanoTime();
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
        return id;
    }

    /** Whether the certificate's record was disposed of as it says. */
    private static boolean disposed(Map<String, Object> item) {
        String id = (String) item.get("id");
        return switch ((String) item.get("recordClass")) {
            case "DECLARATION_PUPIL_NAME" ->
                Db.count("SELECT count(*) FROM family_declarations WHERE id = ?::uuid AND pupil_name = ''", id) == 1;
            case "FAMILY_DECLARATION" ->
                Db.count("SELECT count(*) FROM family_declarations WHERE id = ?::uuid", id) == 0;
            default -> true;
        };
    }

    @Test
    void aRunKilledBetweenBatchesLeavesEachFinishedBatchWithItsCertificateAndAudit() {
        String school = TestData.newSchool();
        List<String> declarations =
                List.of(endedDeclaration(school), endedDeclaration(school), endedDeclaration(school));
        LocalDate today = LocalDate.now(TestClock.get());
        TestClock.get().advance(Duration.ofDays(ChronoUnit.DAYS.between(today, today.plusYears(6)) + 1));
        long runs = Db.count("SELECT count(*) FROM disposal_runs");

        job.testHooks(2, () -> {
            throw new IllegalStateException("the replica died here");
        });
        assertThatThrownBy(() -> job.run(false)).hasMessageContaining("died");

        String killed = Db.first("SELECT id::text FROM disposal_runs ORDER BY ran_at DESC, id LIMIT 1");
        assertThat(Db.count("SELECT count(*) FROM disposal_runs")).isEqualTo(runs + 1);
        assertThat(Db.first("SELECT status FROM disposal_runs WHERE id = ?::uuid", killed))
                .isEqualTo("IN_PROGRESS");
        long items = Db.count("SELECT count(*) FROM disposal_certificates WHERE run_id = ?::uuid", killed);
        assertThat(items).as("the one finished batch").isEqualTo(2);
        assertThat(Db.count(
                        "SELECT count(*) FROM audit_events WHERE action = 'retention.batch-disposed'"
                                + " AND target_id = ? AND ? = ANY(changed_fields)",
                        killed,
                        "count:" + items))
                .as("its audit entry, written with it")
                .isEqualTo(1);
        JsonPath read = Api.as(Tokens.trustAdmin())
                .get("/api/v1/disposal-runs/{id}", killed)
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .extract()
                .jsonPath();
        List<Map<String, Object>> certificate = read.getList("certificate");
        assertThat(certificate).hasSize((int) items).allMatch(DisposalAtomicTest::disposed);

        // a run right after would overlap it; once it has been quiet for a while it is taken for dead
        Api.as(Tokens.trustAdmin()).post("/api/v1/disposal-runs").then().statusCode(409);
        job.testHooks(2, () -> {});
        TestClock.get().advance(DisposalJob.STALE_RUN.plusMinutes(1));
        String next = Api.as(Tokens.trustAdmin())
                .post("/api/v1/disposal-runs")
                .then()
                .statusCode(200)
                .body("status", equalTo("COMPLETE"))
                .extract()
                .path("id");
        assertThat(Db.first("SELECT status FROM disposal_runs WHERE id = ?::uuid", killed))
                .isEqualTo("INTERRUPTED");
        assertThat(Db.count("SELECT count(*) FROM family_declarations WHERE id = ANY(?::uuid[])", (Object)
                        declarations.toArray(String[]::new)))
                .isZero();

        assertThat(next).isNotNull();
        // the killed run's certificate in pages of one, each page after the last
        JsonPath first = Api.as(Tokens.trustAdmin())
                .queryParam("limit", 1)
                .get("/api/v1/disposal-runs/{id}", killed)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(first.getList("certificate")).hasSize(1);
        String cursor = first.getString("nextCursor");
        assertThat(cursor).isNotNull();
        Api.as(Tokens.trustAdmin())
                .queryParam("limit", 1)
                .queryParam("after", cursor)
                .get("/api/v1/disposal-runs/{id}", killed)
                .then()
                .statusCode(200)
                .body("certificate[0].id", org.hamcrest.Matchers.not(first.getString("certificate[0].id")));
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/audit-events/verify")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true));
    }
}
