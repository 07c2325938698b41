package org.schooltrust.smp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The realm rotates its signing key while the app runs: the app fetches the new JWKS when it first sees the new
 * {@code kid}, and tokens signed by the old key stay valid until they expire.
 *
 * <p>Quarkus refetches the JWKS for an unknown {@code kid} at most once per {@code
 * quarkus.oidc.token.forced-jwk-refresh-interval} (10 minutes), so this is the only test that may present an unknown
 * {@code kid} to an app; the other token tests reuse the realm's current {@code kid}.
 */
@EndToEnd
class KeyRotationIT {

    private final TrustApi api;

    KeyRotationIT(TrustApi api) {
        this.api = api;
    }

    @Test
    void tokensSignedByANewKeyAreAcceptedAfterRotation() {
        String before = api.hrSync();
        api.as(before).get("/api/v1/staff").then().statusCode(200);

        api.rotateSigningKey();

        String after = api.hrSync();
        assertThat(Jwts.header(after).path("kid").asText())
                .isNotEqualTo(Jwts.header(before).path("kid").asText());
        api.as(after).get("/api/v1/staff").then().statusCode(200);
        api.as(before).get("/api/v1/staff").then().statusCode(200);
    }
}
