package org.schooltrust.smp.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.schooltrust.smp.e2e.TrustSeed.ALICE;
import static org.schooltrust.smp.e2e.TrustSeed.SCHOOL_1;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alice reads the policy and acknowledges it for her school; her Head sees it; another Head cannot. */
@EndToEnd
class AcknowledgementIT {

    private final TrustApi api;

    AcknowledgementIT(TrustApi api) {
        this.api = api;
    }

    @Test
    void aliceAcknowledgesTheSocialMediaPolicyAndHugoSeesIt() {
        String alice = api.userToken("alice");
        Response version = api.as(alice).get("/api/v1/policies/social-media/versions/1.0");
        version.then().statusCode(200).body("clauses.number", hasItem("6.7"));
        Map<String, Object> body = Map.of(
                "policy",
                "social-media",
                "version",
                "1.0",
                "schoolUrn",
                SCHOOL_1,
                "bodySha256",
                version.path("bodySha256"),
                "statements",
                version.path("statements.code"));
        String id = api.as(alice)
                .body(body)
                .post("/api/v1/me/acknowledgements")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .body("clientId", equalTo("staff-portal"))
                .extract()
                .path("id");
        api.as(alice)
                .body(body)
                .post("/api/v1/me/acknowledgements")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        api.as(alice)
                .get("/api/v1/me/requirements")
                .then()
                .statusCode(200)
                .body("items.find { it.policy == 'social-media' }.status", equalTo("DONE"));

        api.as(api.userToken("hugo"))
                .get("/api/v1/schools/{urn}/compliance?policy=social-media&status=DONE", SCHOOL_1)
                .then()
                .statusCode(200)
                .body("items.hrId", equalTo(List.of(ALICE)));
        api.as(api.userToken("helen"))
                .get("/api/v1/schools/{urn}/compliance?policy=social-media", SCHOOL_1)
                .then()
                .statusCode(404);
        api.as(api.userToken("tina"))
                .get("/api/v1/compliance?policy=social-media")
                .then()
                .statusCode(200)
                .body("schools.schoolUrn", hasItem(SCHOOL_1));
    }
}
