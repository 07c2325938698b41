package org.schooltrust.smp.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.schooltrust.smp.e2e.TrustSeed.ALICE;
import static org.schooltrust.smp.e2e.TrustSeed.SCHOOL_1;

import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alice declares a family link, Hugo acknowledges it, the school's MIS sees it; the other school's MIS cannot. */
@EndToEnd
class FamilyLinkIT {

    private final TrustApi api;

    FamilyLinkIT(TrustApi api) {
        this.api = api;
    }

    @Test
    void declareAcknowledgeAndCheckFromTheMis() {
        String pupil = "E2E-" + System.nanoTime();
        Response declared = api.as(api.userToken("alice"))
                .body(Map.of(
                        "schoolUrn",
                        SCHOOL_1,
                        "pupilMisId",
                        pupil,
                        "pupilName",
                        "Nina Niece",
                        "relationship",
                        "AUNT_UNCLE"))
                .post("/api/v1/me/family-declarations");
        declared.then().statusCode(201).body("status", equalTo("SUBMITTED"));
        String id = declared.path("id");

        api.as(api.userToken("hugo"))
                .header("If-Match", declared.header("ETag"))
                .body(Map.of(
                        "discussedOn",
                        LocalDate.now().minusDays(1).toString(),
                        "agreedProtocols",
                        "Family events only."))
                .post("/api/v1/schools/{urn}/family-declarations/{id}/acknowledge", SCHOOL_1, id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));

        Map<String, Object> check = Map.of("pairs", List.of(Map.of("staffHrId", ALICE, "pupilMisId", pupil)));
        api.as(api.clientToken("mis-100001"))
                .body(check)
                .post("/api/v1/schools/{urn}/family-links/check", SCHOOL_1)
                .then()
                .statusCode(200)
                .body("results[0].status", equalTo("ACKNOWLEDGED"))
                .body("results[0].relationship", equalTo("AUNT_UNCLE"))
                .body(not(containsString("Nina")));
        api.as(api.clientToken("mis-100002"))
                .body(check)
                .post("/api/v1/schools/{urn}/family-links/check", SCHOOL_1)
                .then()
                .statusCode(404);
        api.as(api.userToken("helen"))
                .get("/api/v1/schools/{urn}/family-declarations/{id}", SCHOOL_1, id)
                .then()
                .statusCode(404);
    }
}
