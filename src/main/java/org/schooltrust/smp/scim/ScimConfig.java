package org.schooltrust.smp.scim;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.List;

/** The SCIM adapter's settings (README, Configuration; issue 29). */
@ConfigMapping(prefix = "smp.scim")
public interface ScimConfig {

    /**
     * SHA-256 (hex) of the long-lived bearer secrets accepted on the SCIM path beside OIDC tokens, comma separated
     * (SMP_SCIM_SECRET_SHA256). Unset: OIDC tokens only.
     */
    @WithName("secret-sha256")
    java.util.Optional<List<String>> secretSha256();

    /** Which SCIM attributes carry what the register holds. */
    Mapping mapping();

    /** Requests a second per provisioning client, after the burst (per replica). */
    @WithDefault("20")
    double rate();

    /** Requests a provisioning client may make at once. */
    @WithDefault("200")
    int burst();

    interface Mapping {

        /** The attributes that carry the HR id, first present wins (SMP_SCIM_MAPPING_HR_ID). */
        @WithName("hr-id")
        @WithDefault("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber,externalId")
        List<String> hrId();

        /** The attribute whose value is the adult's category, e.g. {@code Teaching Assistant} (SMP_SCIM_MAPPING_CATEGORY). */
        @WithDefault("userType")
        String category();

        /** The category of a user created without one (SMP_SCIM_MAPPING_DEFAULT_CATEGORY). */
        @WithName("default-category")
        @WithDefault("SUPPORT_STAFF")
        String defaultCategory();

        /**
         * The multi-valued attribute of {@code <URN>:<RESPONSIBILITY>} strings, e.g. {@code 100001:DSL}
         * (SMP_SCIM_MAPPING_RESPONSIBILITIES).
         */
        @WithDefault("urn:ietf:params:scim:schemas:extension:smp:2.0:User:responsibilities")
        String responsibilities();
    }
}
