package org.schooltrust.smp.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

@ApiTest
class StaffSyncTest {

    String school;

    @BeforeEach
    void aSchool() {
        school = TestData.newSchool();
    }

    private List<Map<String, Object>> batch(String prefix, int size) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            records.add(TestData.anAdult(prefix + "-" + i).at(school).build());
        }
        return records;
    }

    private Response sync(String mode, List<Map<String, Object>> records) {
        return Api.as(Tokens.hrSync()).body(Map.of("records", records)).post("/api/v1/staff/sync?mode=" + mode);
    }

    @Test
    void partialSyncCreatesThenResendIsUnchanged() {
        String prefix = TestData.newHrId("P");
        List<Map<String, Object>> records = batch(prefix, 25);
        sync("partial", records)
                .then()
                .statusCode(200)
                .body("received", equalTo(25))
                .body("created", equalTo(25))
                .body("updated", equalTo(0));
        String after = Db.staffSnapshot();
        sync("partial", records)
                .then()
                .statusCode(200)
                .body("created", equalTo(0))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(25));
        assertThat(Db.staffSnapshot()).isEqualTo(after);

        records.set(
                3,
                TestData.anAdult(prefix + "-3")
                        .at(school)
                        .with("category", "SUPPORT_STAFF")
                        .build());
        sync("partial", records).then().body("updated", equalTo(1)).body("unchanged", equalTo(24));
    }

    @Test
    void oneBadRecordWritesNothingAndEveryBadRecordIsListed() {
        String prefix = TestData.newHrId("A");
        List<Map<String, Object>> records = batch(prefix, 40);
        records.set(
                7,
                TestData.anAdult(prefix + "-7")
                        .at(school)
                        .with("workEmail", "nope")
                        .build());
        records.set(
                19,
                TestData.anAdult(prefix + "-19")
                        .at("000000")
                        .with("category", "WIZARD")
                        .build());
        records.set(30, TestData.anAdult(prefix + "-0").at(school).build());
        records.set(
                31, TestData.anAdult(prefix + "-31").at(school).without("hrId").build());
        String before = Db.staffSnapshot();
        sync("full", records)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        hasItems(
                                "records[7].workEmail",
                                "records[19].category",
                                "records[19].assignments[0].schoolUrn",
                                "records[30].hrId",
                                "records[31].hrId"));
        assertThat(Db.staffSnapshot()).isEqualTo(before);
        assertThat(Db.count("SELECT count(*) FROM adults WHERE hr_id LIKE ?", prefix + "%"))
                .isZero();
    }

    @Test
    void fullSyncDeactivatesAbsentHrAdultsButNeverManualOnes() {
        String prefix = TestData.newHrId("F");
        List<Map<String, Object>> records = batch(prefix, 10);
        sync("partial", records).then().statusCode(200);
        String volunteer = TestData.newHrId("V");
        Api.as(Tokens.trustAdmin())
                .body(TestData.anAdult(volunteer)
                        .at(school)
                        .with("category", "VOLUNTEER")
                        .build())
                .put("/api/v1/staff/{id}", volunteer)
                .then()
                .statusCode(201);

        List<Map<String, Object>> leaversGone = records.subList(0, 8);
        Response result = sync("full", leaversGone);
        result.then().statusCode(200).body("unchanged", equalTo(8));
        assertThat(result.jsonPath().getInt("deactivated")).isGreaterThanOrEqualTo(2);

        Api.as(Tokens.hrSync()).get("/api/v1/staff/{id}", prefix + "-9").then().body("active", equalTo(false));
        Api.as(Tokens.hrSync()).get("/api/v1/staff/{id}", prefix + "-8").then().body("active", equalTo(false));
        Api.as(Tokens.hrSync()).get("/api/v1/staff/{id}", prefix + "-1").then().body("active", equalTo(true));
        Api.as(Tokens.hrSync())
                .get("/api/v1/staff/{id}", volunteer)
                .then()
                .body("active", equalTo(true))
                .body("source", equalTo("MANUAL"));
        assertThat(Db.count("SELECT count(*) FROM adults WHERE hr_id LIKE ?", prefix + "%"))
                .isEqualTo(10);

        sync("full", leaversGone)
                .then()
                .statusCode(200)
                .body("deactivated", equalTo(0))
                .body("unchanged", equalTo(8));
    }

    @Test
    void leaversAppearInDeltaReads() {
        String prefix = TestData.newHrId("D");
        List<Map<String, Object>> records = batch(prefix, 3);
        sync("partial", records).then().statusCode(200);
        String since = java.time.Instant.now().toString();
        records.set(
                1,
                TestData.anAdult(prefix + "-1").at(school).with("active", false).build());
        sync("partial", records).then().body("updated", equalTo(1));
        Api.as(Tokens.hrSync())
                .get("/api/v1/staff?updatedSince={since}&school={urn}", since, school)
                .then()
                .statusCode(200)
                .body("items.hrId", equalTo(List.of(prefix + "-1")))
                .body("items[0].active", equalTo(false));
    }

    @Test
    void pagingWalksTheWholeListWithLinkHeaders() {
        String prefix = TestData.newHrId("G");
        sync("partial", batch(prefix, 7)).then().statusCode(200);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = Api.as(Tokens.hrSync())
                    .queryParam("school", school)
                    .queryParam("limit", 3)
                    .queryParam("cursor", cursor == null ? new Object[0] : new Object[] {cursor})
                    .get("/api/v1/staff");
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("items.hrId", String.class));
            cursor = page.jsonPath().getString("nextCursor");
            if (cursor != null) {
                assertThat(page.header("Link")).contains("rel=\"next\"").contains("cursor=");
            }
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void limitsAndEmptyBodies() {
        String before = Db.staffSnapshot();
        List<Map<String, Object>> tooMany = new ArrayList<>();
        Map<String, Object> one = TestData.anAdult("T-0").at(school).build();
        for (int i = 0; i <= StaffWriter.MAX_RECORDS; i++) {
            tooMany.add(one);
        }
        sync("partial", tooMany).then().statusCode(422).body("errors[0].field", equalTo("records"));
        Api.as(Tokens.hrSync()).post("/api/v1/staff/sync").then().statusCode(422);
        Api.as(Tokens.hrSync()).body("{}").post("/api/v1/staff/sync").then().statusCode(422);
        Api.as(Tokens.hrSync())
                .body("{\"records\": [")
                .post("/api/v1/staff/sync")
                .then()
                .statusCode(400);
        Api.as(Tokens.hrSync())
                .body("{\"records\": 5}")
                .post("/api/v1/staff/sync")
                .then()
                .statusCode(400);
        Api.as(Tokens.hrSync())
                .body("{\"records\": [null]}")
                .post("/api/v1/staff/sync")
                .then()
                .statusCode(422);
        sync("full", List.of()).then().statusCode(422);
        sync("sideways", List.of()).then().statusCode(422).body("errors[0].field", equalTo("mode"));
        Api.as(Tokens.hrSync())
                .get("/api/v1/staff?updatedSince=yesterday")
                .then()
                .statusCode(422);
        Api.as(Tokens.hrSync()).get("/api/v1/staff?active=maybe").then().statusCode(422);
        assertThat(Db.staffSnapshot()).isEqualTo(before);
    }

    @Test
    void concurrentSyncsLeaveAConsistentState() throws Exception {
        String prefix = TestData.newHrId("C");
        List<Map<String, Object>> first = batch(prefix, 300);
        List<Map<String, Object>> second = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            second.add(TestData.anAdult(prefix + "-" + i)
                    .at(school)
                    .with("lastName", "Second")
                    .build());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> sync("partial", first), pool);
            CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> sync("partial", second), pool);
            Response ra = a.get();
            Response rb = b.get();
            ra.then().statusCode(200);
            rb.then().statusCode(200);
            int created = ra.jsonPath().getInt("created") + rb.jsonPath().getInt("created");
            assertThat(created).isEqualTo(300);
        } finally {
            pool.shutdown();
        }
        assertThat(Db.count("SELECT count(*) FROM adults WHERE hr_id LIKE ?", prefix + "-%"))
                .isEqualTo(300);
        assertThat(Db.count("SELECT count(DISTINCT last_name) FROM adults WHERE hr_id LIKE ?", prefix + "-%"))
                .isEqualTo(1);
        assertThat(Db.count(
                        "SELECT count(*) FROM adult_assignments s JOIN adults a ON a.id = s.adult_id WHERE a.hr_id LIKE ?",
                        prefix + "-%"))
                .isEqualTo(300);
    }

    @Test
    void aDryRunReportsWhatAFullSyncWouldDoAndWritesNothing() {
        String prefix = TestData.newHrId("DRY");
        List<Map<String, Object>> records = batch(prefix, 5);
        sync("partial", records).then().statusCode(200);
        String before = Db.staffSnapshot();
        Response dry = Api.as(Tokens.hrSync())
                .body(Map.of(
                        "records",
                        List.of(
                                records.get(0),
                                TestData.anAdult(prefix + "-new").at(school).build())))
                .post("/api/v1/staff/sync?mode=full&dryRun=true");
        dry.then()
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("created", equalTo(1))
                .body("unchanged", equalTo(1));
        assertThat(dry.jsonPath().getInt("deactivated")).isGreaterThanOrEqualTo(4);
        assertThat(Db.staffSnapshot()).isEqualTo(before);
        Api.as(Tokens.hrSync()).get("/api/v1/staff/{id}", prefix + "-4").then().body("active", equalTo(true));
    }
}
