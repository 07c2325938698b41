package org.schooltrust.smp.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identity-provider set-ups the end-to-end suite runs against: one Keycloak realm each, and the environment
 * variables the packaged app needs for that realm's claim shapes. Every {@link EndToEnd} test class runs once per
 * value.
 */
public enum Realm {

    /** Keycloak as the Trust runs it: roles in {@code groups}, {@code schools}, {@code employee_id}; the defaults. */
    TRUST("trust", "trust-api", "groups", "schools", "employee_id", Map.of()),

    /**
     * Claims named as an Entra ID tenant names them: roles only in {@code roles} (no {@code groups}, no
     * {@code realm_access}), schools in {@code school_urns} as one space-separated string, the HR id in
     * {@code hr_employee_id}, and the audience {@code api://trust-api}. Only environment variables differ.
     */
    TRUST_ALT(
            "trust-alt",
            "api://trust-api",
            "roles",
            "school_urns",
            "hr_employee_id",
            Map.of(
                    "QUARKUS_OIDC_TOKEN_AUDIENCE", "api://trust-api",
                    "QUARKUS_OIDC_ROLES_ROLE_CLAIM_PATH", "roles",
                    "SMP_SECURITY_SCHOOLS_CLAIM", "school_urns",
                    "SMP_SECURITY_STAFF_ID_CLAIM", "hr_employee_id"));

    private final String realmName;
    private final String audience;
    private final String rolesClaim;
    private final String schoolsClaim;
    private final String hrIdClaim;
    private final Map<String, String> claimEnv;

    Realm(
            String realmName,
            String audience,
            String rolesClaim,
            String schoolsClaim,
            String hrIdClaim,
            Map<String, String> claimEnv) {
        this.realmName = realmName;
        this.audience = audience;
        this.rolesClaim = rolesClaim;
        this.schoolsClaim = schoolsClaim;
        this.hrIdClaim = hrIdClaim;
        this.claimEnv = claimEnv;
    }

    /** The Keycloak realm name. */
    public String realmName() {
        return realmName;
    }

    /** The audience the app of this realm requires. */
    public String audience() {
        return audience;
    }

    public String rolesClaim() {
        return rolesClaim;
    }

    public String schoolsClaim() {
        return schoolsClaim;
    }

    public String hrIdClaim() {
        return hrIdClaim;
    }

    /** Claims of the other realm, which this realm's tokens must not carry. */
    public List<String> foreignClaims() {
        Realm other = this == TRUST ? TRUST_ALT : TRUST;
        return List.of(other.rolesClaim, other.schoolsClaim, other.hrIdClaim);
    }

    /** The app's whole configuration for this realm: production's environment variables, nothing else. */
    Map<String, String> appEnv(String issuer) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", issuer);
        // the suite's webhook receiver listens on this machine
        env.put("SMP_WEBHOOKS_ALLOWED_HOSTS", "localhost,127.0.0.1");
        env.put("SMP_WEBHOOKS_POLL", "200ms");
        // short leases, so the suite can watch a killed replica's deliveries being retried
        env.put("SMP_WEBHOOKS_TIMEOUT", "PT3S");
        env.put("SMP_WEBHOOKS_LEASE_MARGIN", "PT5S");
        // the suite's shared instance does not dispatch: the webhook tests start the replicas that do
        env.put("SMP_WEBHOOKS_DISPATCHER_ENABLED", "false");
        env.putAll(claimEnv);
        return env;
    }

    @Override
    public String toString() {
        return "realm " + realmName;
    }
}
