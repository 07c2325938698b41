package org.schooltrust.smp.e2e;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.scim.ScimConformance;

/**
 * The SCIM conformance sequences of Microsoft Entra ID and Okta (issue 29) against the packaged app, with a real
 * Keycloak client-credentials token of the {@code scim-provisioner} client, in each realm's claim shape.
 */
@EndToEnd
class ScimIT {

    private final TrustApi api;

    ScimIT(TrustApi api) {
        this.api = api;
    }

    /** A school of its own, so the seeded schools' staff lists stay as the other suites expect them. */
    private String school(String urn, String name) {
        api.as(api.hrSync())
                .body(Map.of("name", name, "status", "OPEN"))
                .put("/api/v1/schools/{urn}", urn)
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        return urn;
    }

    @Test
    void microsoftsSequence() {
        String token = api.clientToken("scim-provisioner");
        String urn = school("100091", "Entra Test Academy");
        String id = new ScimConformance(() -> api.as(token)).microsoft(urn, "Entra Test Academy");
        api.as(token).get("/scim/v2/Users/{id}", id).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void oktasSequence() {
        String token = api.clientToken("scim-provisioner");
        String urn = school("100092", "Okta Test Academy");
        new ScimConformance(() -> api.as(token)).okta(urn, "Okta Test Academy");
    }

    @Test
    void hrSyncsTokenIsNotAProvisionersToken() {
        api.as(api.hrSync())
                .get("/scim/v2/Users")
                .then()
                .statusCode(403)
                .contentType("application/scim+json")
                .body("status", equalTo("403"));
    }
}
