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
     * Optional claim with the schools the caller is Head of, issued by the IdP for exactly that ("Head of A, teacher
     * at B"); the register must still show the adult working there. When unset, a Head's schools are the schools
     * claim where the register names the adult {@code HEAD_OF_SCHOOL} on a current assignment (ADR 0011).
     */
    Optional<String> headSchoolsClaim();

    /**
     * Optional claim with the schools the caller is designated safeguarding lead of, the same way as
     * {@link #headSchoolsClaim()}; when unset, the schools claim where the register names the adult {@code DSL}.
     */
    Optional<String> dslSchoolsClaim();
}
