package org.schooltrust.smp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schooltrust.smp.e2e.TokenValidationIT.audiences;
import static org.schooltrust.smp.e2e.TokenValidationIT.values;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The realm really issues the claim shapes its {@link Realm} describes, so the rest of the suite passing against it
 * proves the app read them through its environment variables. In {@code trust-alt} nothing is where the app's
 * defaults look: no {@code groups}, no {@code realm_access}, no {@code schools}, no {@code employee_id}, and the
 * audience is {@code api://trust-api}.
 */
@EndToEnd
class ClaimShapesIT {

    private final TrustApi api;

    ClaimShapesIT(TrustApi api) {
        this.api = api;
    }

    @Test
    void peopleTokensCarryTheRealmsClaimNames() {
        Realm realm = api.realm();
        JsonNode hugo = Jwts.claims(api.userToken("hugo"));
        assertThat(audiences(hugo)).contains(realm.audience());
        assertThat(values(hugo.path(realm.rolesClaim()))).contains("staff", "head-of-school");
        assertThat(hugo.path(realm.hrIdClaim()).asText()).isEqualTo(TrustSeed.HUGO);
        assertThat(String.join(" ", values(hugo.path(realm.schoolsClaim())))).isEqualTo(TrustSeed.SCHOOL_1);
        for (String foreign : realm.foreignClaims()) {
            assertThat(hugo.has(foreign))
                    .as("claim %s in a %s token", foreign, realm)
                    .isFalse();
        }
        if (realm == Realm.TRUST_ALT) {
            assertThat(hugo.has("realm_access")).isFalse();
            assertThat(audiences(hugo)).doesNotContain(Realm.TRUST.audience());
            assertThat(hugo.path(realm.schoolsClaim()).isTextual()).isTrue();
        }
    }

    @Test
    void serviceAccountTokensNameTheClientInAzpOnly() {
        JsonNode hr = Jwts.claims(api.hrSync());
        assertThat(hr.path("azp").asText()).isEqualTo("hr-sync");
        assertThat(hr.has("client_id")).isFalse();
        assertThat(values(hr.path(api.realm().rolesClaim()))).contains("hr-sync");
        assertThat(hr.has(api.realm().hrIdClaim())).isFalse();
    }
}
