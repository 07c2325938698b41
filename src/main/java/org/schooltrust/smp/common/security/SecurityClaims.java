package org.schooltrust.smp.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Which token claim holds what; configuration, never code. Nested claims use {@code a/b}. */
@ConfigMapping(prefix = "smp.security")
public interface SecurityClaims {

    /** Claim with the caller's school URNs (a JSON list, or a space/comma separated string). */
    @WithDefault("schools")
    String schoolsClaim();

    /** Claim with the adult's HR id. */
    @WithDefault("employee_id")
    String staffIdClaim();

    /** Claim used for the HR id when the staff-id claim is absent. */
    @WithDefault("email")
    String staffIdFallbackClaim();

    /**
     * Optional claim with the schools the caller is Head of, for IdPs that can say "Head of A, teacher at B". When
     * unset, a Head's schools are taken from the schools claim. Either way the register must confirm them.
     */
    Optional<String> headSchoolsClaim();
}
