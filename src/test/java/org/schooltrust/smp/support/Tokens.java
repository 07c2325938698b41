package org.schooltrust.smp.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Real RS256 tokens signed with the WireMock OIDC server's test key, carrying the claims the Trust's identity provider
 * issues: roles in {@code groups}, {@code schools}, {@code employee_id}, {@code azp}, and {@code aud=trust-api}.
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "trust-api";

    private Tokens() {}

    public static String staff(String hrId, String... schools) {
        return user("staff-" + hrId, hrId, Set.of("staff"), schools);
    }

    /**
     * A Head's token. Head authority comes from the token <em>and</em> the staff register, so inside the test
     * application this also makes sure the register knows the Head: an adult {@code hrId} that does not exist yet is
     * created (a manual record, active, assigned since 2000 to each of {@code schools} that exists, as
     * {@code HEAD_OF_SCHOOL}); an adult that already exists is named {@code HEAD_OF_SCHOOL} on its assignments at
     * {@code schools} (the register's word for a Head, ADR 0011), nothing else changes. Use {@link #headToken} for a
     * token alone.
     */
    public static String head(String hrId, String... schools) {
        Heads.ensureRegistered(hrId, schools);
        return headToken(hrId, schools);
    }

    /** A Head's token without touching the register (for a Head the register does not, or no longer, confirm). */
    public static String headToken(String hrId, String... schools) {
        return user("head-" + hrId, hrId, Set.of("staff", "head-of-school"), schools);
    }

    public static String trustAdmin() {
        return user("tina", "E9001", Set.of("trust-admin"));
    }

    public static String hrSync() {
        return client("hr-sync", Set.of("hr-sync"));
    }

    public static String mis(String... schools) {
        return sign(claims("service-account-mis", Set.of("mis"), "mis-client").claim("schools", List.of(schools)));
    }

    /**
     * HR's client-credentials token shaped as Keycloak issues it: {@code sub} is an opaque id and
     * {@code preferred_username} (which Quarkus takes as the principal name) names the service account.
     */
    public static String hrSyncWithOpaqueSubject(String subject) {
        return sign(
                claims(subject, Set.of("hr-sync"), "hr-sync").claim("preferred_username", "service-account-hr-sync"));
    }

    /** The identity provider's SCIM client (issue 29). */
    public static String scim() {
        return client("entra-scim", Set.of("scim-provisioner"));
    }

    public static String registerReader() {
        return client("register-reader", Set.of("register-reader"));
    }

    /** A token with the given roles and nothing else: no schools, no staff identity. */
    public static String withRoles(String subject, Set<String> roles) {
        return sign(claims(subject, roles, "test-client"));
    }

    public static String user(String subject, String hrId, Set<String> roles, String... schools) {
        return sign(claims(subject, roles, "staff-portal")
                .claim("employee_id", hrId)
                .claim("schools", List.of(schools)));
    }

    /** A staff token that names the adult only by a verified work email (no employee_id): the fallback claim. */
    public static String staffByEmail(String email, String... schools) {
        return sign(claims("email-" + email, Set.of("staff"), "staff-portal")
                .claim("email", email)
                .claim("email_verified", true)
                .claim("schools", List.of(schools)));
    }

    public static String expired() {
        return sign(claims("late", Set.of("trust-admin"), "x")
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)));
    }

    public static String forAnotherAudience() {
        return sign(claims("elsewhere", Set.of("trust-admin"), "x").audience("another-api"));
    }

    public static String signedByAnotherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return claims("forger", Set.of("trust-admin"), "x").jws().keyId("1").sign(pair.getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A trust-admin token signed with the given key, naming it {@code kid} (a key the realm rotated to, or away). */
    public static String trustAdminSignedBy(java.security.PrivateKey key, String kid) {
        return claims("tina", Set.of("trust-admin"), "x")
                .claim("employee_id", "E9001")
                .jws()
                .keyId(kid)
                .sign(key);
    }

    /** A trust-admin token from another issuer, otherwise like {@link #trustAdmin()}. */
    public static String trustAdminFromAnotherIssuer() {
        return sign(claims("tina", Set.of("trust-admin"), "x")
                .claim("employee_id", "E9001")
                .issuer("https://evil.example"));
    }

    /** A trust-admin token that expires in {@code seconds}. */
    public static String trustAdminExpiringIn(long seconds) {
        return sign(claims("tina", Set.of("trust-admin"), "x")
                .claim("employee_id", "E9001")
                .expiresAt(Instant.now().plusSeconds(seconds)));
    }

    /** A staff token carrying {@code padding} characters of an extra claim (a token over the cache's size limit). */
    public static String staffPadded(String hrId, int padding, String... schools) {
        return sign(claims("staff-" + hrId, Set.of("staff"), "staff-portal")
                .claim("employee_id", hrId)
                .claim("schools", List.of(schools))
                .claim("padding", "x".repeat(padding)));
    }

    private static String client(String clientId, Set<String> roles) {
        return sign(claims("service-account-" + clientId, roles, clientId));
    }

    private static JwtClaimsBuilder claims(String subject, Set<String> roles, String clientId) {
        return Jwt.claims()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .groups(roles)
                .claim("azp", clientId)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600));
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }
}
