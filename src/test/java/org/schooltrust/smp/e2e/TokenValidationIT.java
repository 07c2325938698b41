package org.schooltrust.smp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The app accepts only tokens its realm issued for it, unexpired and signed by the realm's key; everything else is a
 * 401 problem document. Each refused token is a real Keycloak token with one thing wrong.
 */
@EndToEnd
class TokenValidationIT {

    private final TrustApi api;

    TokenValidationIT(TrustApi api) {
        this.api = api;
    }

    @Test
    void aRealTokenIsAccepted() {
        api.as(api.hrSync()).get("/api/v1/staff").then().statusCode(200);
    }

    @Test
    void noTokenIsRefused() {
        refused(api.anonymous().get("/api/v1/staff").then());
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String token = api.clientToken("other-api-client");
        JsonNode claims = Jwts.claims(token);
        assertThat(audiences(claims)).doesNotContain(api.realm().audience());
        assertThat(values(claims.path(api.realm().rolesClaim()))).contains("trust-admin");
        refused(api.as(token).get("/api/v1/staff").then());
    }

    @Test
    void anExpiredTokenIsRefused() throws InterruptedException {
        String token = api.clientToken("short-lived");
        JsonNode claims = Jwts.claims(token);
        long expiresAt = claims.path("exp").asLong();
        assertThat(expiresAt - claims.path("iat").asLong()).isEqualTo(5);
        // accepted while it lives ...
        api.as(token).get("/api/v1/schools").then().statusCode(200);
        // ... refused a second after "exp": Quarkus allows no clock skew unless quarkus.oidc.token.lifespan-grace is
        // set
        long waitMillis = (expiresAt + 1) * 1000 - Instant.now().toEpochMilli();
        if (waitMillis > 0) {
            Thread.sleep(waitMillis);
        }
        refused(api.as(token).get("/api/v1/schools").then());
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        String genuine = api.hrSync();
        String forged = Jwts.resignedWithAnotherKey(genuine);
        assertThat(Jwts.header(forged).path("kid").asText())
                .isEqualTo(Jwts.header(genuine).path("kid").asText());
        refused(api.as(forged).get("/api/v1/staff").then());
    }

    @Test
    void aTokenWithChangedClaimsIsRefused() {
        String genuine = api.userToken("alice");
        String elevated = Jwts.withChangedClaims(genuine, claims -> {
            claims.putArray(api.realm().rolesClaim()).add("staff").add("trust-admin");
            claims.putArray(api.realm().schoolsClaim()).add("100001").add("100002");
        });
        refused(api.as(elevated).get("/api/v1/staff").then());
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String genuine = api.hrSync();
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String unsigned = header + "." + genuine.split("\\.")[1] + ".";
        refused(api.as(unsigned).get("/api/v1/staff").then());
    }

    private static void refused(io.restassured.response.ValidatableResponse response) {
        response.statusCode(401).contentType("application/problem+json").body("type", endsWith("/unauthorized"));
    }

    static List<String> audiences(JsonNode claims) {
        return values(claims.path("aud"));
    }

    /** A claim that is a JSON array or a single string, as a list of strings. */
    static List<String> values(JsonNode claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof ArrayNode array) {
            array.forEach(v -> values.add(v.asText()));
        } else if (claim.isTextual()) {
            values.add(claim.asText());
        }
        return values;
    }
}
