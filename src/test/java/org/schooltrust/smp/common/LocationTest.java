package org.schooltrust.smp.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Policies;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/** Every 201 carries a Location that reads back the created record (docs/architecture.md: one response helper). */
@ApiTest
class LocationTest {

    private static void readsBack(String token, Response created) {
        created.then().statusCode(201);
        String location = created.header("Location");
        assertThat(location).as("Location of a 201").isNotBlank();
        Api.as(token).get(location).then().statusCode(200);
    }

    @Test
    void everyCreationAnswersWithTheUrlOfWhatItCreated() {
        String admin = Tokens.trustAdmin();
        String urn = "3" + String.format("%05d", System.nanoTime() % 100_000);
        readsBack(
                admin,
                Api.as(admin)
                        .body(Map.of("name", "School " + urn, "status", "OPEN"))
                        .put("/api/v1/schools/{u}", urn));
        String hrId = TestData.newHrId("LOC");
        readsBack(
                Tokens.hrSync(),
                Api.as(Tokens.hrSync())
                        .body(TestData.anAdult(hrId).at(urn).build())
                        .put("/api/v1/staff/{id}", hrId));

        String slug = "p-" + TestData.newHrId("loc").toLowerCase();
        readsBack(
                admin,
                Api.as(admin)
                        .body(Map.of("slug", slug, "title", "Policy " + slug))
                        .post("/api/v1/policies"));
        Response drafted = Api.as(admin)
                .body(Policies.version("1.0", "1. Rules\n1.1 Rule.\n", true, urn))
                .post("/api/v1/policies/{slug}/versions", slug);
        readsBack(admin, drafted);
        String sha = Api.as(admin)
                .header("If-Match", drafted.header("ETag"))
                .post("/api/v1/policies/{slug}/versions/1.0/publish", slug)
                .then()
                .statusCode(200)
                .extract()
                .path("bodySha256");

        String staff = Tokens.staff(hrId, urn);
        readsBack(staff, Api.as(staff).body(Policies.ack(slug, "1.0", urn, sha)).post("/api/v1/me/acknowledgements"));
        readsBack(
                staff,
                Api.as(staff)
                        .body(Map.of(
                                "schoolUrn",
                                urn,
                                "pupilMisId",
                                "LOC-" + hrId,
                                "pupilName",
                                "Pat Pupil",
                                "relationship",
                                "PARENT"))
                        .post("/api/v1/me/family-declarations"));
        readsBack(staff, Api.as(staff).body(Map.of("schoolUrn", urn)).post("/api/v1/me/family-nil-returns"));
    }
}
