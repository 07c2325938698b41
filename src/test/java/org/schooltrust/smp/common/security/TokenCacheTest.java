package org.schooltrust.smp.common.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.oidc.server.OidcWireMock;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.common.security.VerifiedTokenCache.Outcome;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/**
 * Issue 26: a verified token is not verified again, and each way a token stops being good refuses it at once despite
 * an earlier cached success — the signing key rotated away, the token expired, another issuer or audience, the adult
 * deactivated by HR.
 */
@ApiTest
class TokenCacheTest {

    private static final String JWKS = "/auth/realms/quarkus/protocol/openid-connect/certs";

    @OidcWireMock
    WireMockServer oidc;

    @Inject
    VerifiedTokens tokens;

    @Inject
    MeterRegistry metrics;

    private double lookups(String result) {
        return metrics.counter("smp.token_cache.lookups", "result", result).count();
    }

    @Test
    void aTokenVerifiedOnceIsServedFromTheCacheAndStillAuthorisedPerRequest() {
        String school = TestData.newSchool();
        String token = Tokens.staff(TestData.hrAdultAt(school), school);
        Api.as(token).get("/api/v1/me").then().statusCode(200);
        double hits = lookups("hit");
        Api.as(token).get("/api/v1/me").then().statusCode(200);
        assertThat(lookups("hit")).isEqualTo(hits + 1);
        // roles are still decided per request: a staff token is not a trust-admin however often it was seen
        Api.as(token).get("/api/v1/policy-reviews").then().statusCode(403);
        assertThat(tokens.find(token).outcome()).isEqualTo(Outcome.HIT);
    }

    @Test
    void anExpiredTokenIsRefusedAtOnceDespiteAnEarlierCachedSuccess() throws InterruptedException {
        String token = Tokens.trustAdminExpiringIn(2);
        Api.as(token).get("/api/v1/schools").then().statusCode(200);
        assertThat(tokens.find(token).outcome()).isEqualTo(Outcome.HIT);
        Thread.sleep(2_100);
        double refused = lookups("refused");
        Api.as(token).get("/api/v1/schools").then().statusCode(401);
        assertThat(lookups("refused"))
                .as("refused by the cache, not left to OIDC")
                .isEqualTo(refused + 1);
    }

    @Test
    void anotherIssuerOrAudienceIsRefusedDespiteACachedTokenForTheSameSubject() {
        Api.as(Tokens.trustAdmin()).get("/api/v1/schools").then().statusCode(200);
        Api.as(Tokens.trustAdmin()).get("/api/v1/schools").then().statusCode(200);
        Api.as(Tokens.trustAdminFromAnotherIssuer())
                .get("/api/v1/schools")
                .then()
                .statusCode(401);
        Api.as(Tokens.forAnotherAudience()).get("/api/v1/schools").then().statusCode(401);
        Api.as(Tokens.signedByAnotherKey()).get("/api/v1/schools").then().statusCode(401);
    }

    @Test
    void aTokenTooLargeToKeepIsVerifiedEveryTimeAndNeverKept() {
        String school = TestData.newSchool();
        String token = Tokens.staffPadded(TestData.hrAdultAt(school), 5_000, school);
        Api.as(token).get("/api/v1/me").then().statusCode(200);
        Api.as(token).get("/api/v1/me").then().statusCode(200);
        assertThat(tokens.find(token).outcome()).isEqualTo(Outcome.MISS);
    }

    @Test
    void aDeactivatedAdultsCachedTokenIsDroppedAndRefused() {
        String school = TestData.newSchool();
        String hrId = TestData.hrAdultAt(school);
        String token = Tokens.staff(hrId, school);
        Api.as(token).get("/api/v1/me").then().statusCode(200);
        assertThat(tokens.find(token).outcome()).isEqualTo(Outcome.HIT);

        Api.as(Tokens.hrSync())
                .body(TestData.anAdult(hrId).with("active", false).at(school).build())
                .put("/api/v1/staff/{hrId}", hrId)
                .then()
                .statusCode(200);

        assertThat(tokens.find(token).outcome())
                .as("dropped when HR deactivated the adult")
                .isEqualTo(Outcome.MISS);
        // the register no longer knows an active adult by this token
        Api.as(token).get("/api/v1/me/declarations").then().statusCode(404);
    }

    @Test
    void aKeyRotatedAwayIsRefusedDespiteAnEarlierCachedSuccess() throws Exception {
        String before = Tokens.trustAdmin();
        Api.as(before).get("/api/v1/schools").then().statusCode(200);
        assertThat(tokens.find(before).outcome()).isEqualTo(Outcome.HIT);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair rotated = generator.generateKeyPair();
        StubMapping onlyTheNewKey = oidc.stubFor(get(urlEqualTo(JWKS))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(jwks((RSAPublicKey) rotated.getPublic(), "rotated"))));
        try {
            String after = Tokens.trustAdminSignedBy(rotated.getPrivate(), "rotated");
            Api.as(after).get("/api/v1/schools").then().statusCode(200);
            assertThat(tokens.find(before).outcome())
                    .as("emptied on a new signing key")
                    .isEqualTo(Outcome.MISS);
            Api.as(before).get("/api/v1/schools").then().statusCode(401);
        } finally {
            oidc.removeStub(onlyTheNewKey);
            // the realm's own key again (Quarkus refetches the key set for its kid)
            Api.as(Tokens.trustAdmin()).get("/api/v1/schools").then().statusCode(200);
        }
    }

    private static String jwks(RSAPublicKey key, String kid) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return """
                {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"%s","n":"%s","e":"%s"}]}""".formatted(
                        kid,
                        b64.encodeToString(unsigned(key.getModulus().toByteArray())),
                        b64.encodeToString(unsigned(key.getPublicExponent().toByteArray())));
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
