package org.schooltrust.smp.scim;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/** Entra's "Secret Token": a long-lived bearer secret, stored only as its hash, valid on the SCIM path alone. */
@ApiTest
class ScimSecretTokenTest {

    /** Its SHA-256 is {@code %test.smp.scim.secret-sha256}. */
    static final String SECRET = "test-scim-secret-0123456789abcdef";

    @Test
    void theSecretProvisionsAndIsAudited() {
        String hrId = TestData.newHrId("T");
        String id = given().auth()
                .oauth2(SECRET)
                .contentType(ScimConformance.SCIM)
                .body(Map.of(
                        "userName",
                        hrId.toLowerCase() + "@idp.example",
                        "externalId",
                        hrId,
                        "name",
                        Map.of("givenName", "Tok", "familyName", "En"),
                        "emails",
                        List.of(Map.of("value", hrId.toLowerCase() + "@school.example", "type", "work"))))
                .post("/scim/v2/Users")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(id).isNotBlank();
        assertThat(Db.first(
                        "SELECT actor_subject FROM audit_events WHERE target_id = ? AND action = 'staff.created'",
                        hrId))
                .isEqualTo(ScimSecretToken.SUBJECT);
    }

    @Test
    void aWrongSecretIsAScim401AndTheSecretOpensNothingElse() {
        given().auth()
                .oauth2("test-scim-secret-0123456789abcdeX")
                .get("/scim/v2/Users")
                .then()
                .statusCode(401)
                .contentType(ScimConformance.SCIM)
                .body("status", equalTo("401"));
        given().auth().oauth2(SECRET).get("/api/v1/staff").then().statusCode(401);
        given().auth().oauth2(SECRET).get("/api/v1/events").then().statusCode(401);
        // OIDC tokens still work on the SCIM path beside the secret
        given().auth()
                .oauth2(Tokens.scim())
                .get("/scim/v2/ServiceProviderConfig")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.hrSync())
                .get("/scim/v2/ServiceProviderConfig")
                .then()
                .statusCode(403);
    }
}
