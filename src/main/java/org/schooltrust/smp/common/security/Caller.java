package org.schooltrust.smp.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.schooltrust.smp.common.error.AccessDeniedException;
import org.schooltrust.smp.common.time.TimeSource;

/**
 * Who is calling: roles, schools, which adult, which client. The one place services ask; every rule that depends on
 * the caller goes through here.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    StaffDirectory directory;

    @Inject
    TimeSource time;

    /** The register's answer for the token's adult, read once per request. */
    private StaffDirectory.Workplaces workplaces;

    /**
     * The token's {@code sub}: stable and opaque. Not the principal name, which Quarkus takes from {@code upn} or
     * {@code preferred_username} first when the IdP sends them (Keycloak and Entra ID do).
     */
    public String subject() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    public Set<Role> roles() {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (identity.hasRole(role.claimValue())) {
                roles.add(role);
            }
        }
        return roles;
    }

    public List<String> roleNames() {
        return roles().stream().map(Role::claimValue).toList();
    }

    public boolean has(Role role) {
        return identity.hasRole(role.claimValue());
    }

    public boolean hasAny(Role... roles) {
        return Arrays.stream(roles).anyMatch(this::has);
    }

    /** School URNs from the schools claim. */
    public Set<String> schools() {
        Set<String> schools = identity.getAttribute(ClaimsAugmentor.SCHOOLS);
        return schools == null ? Set.of() : schools;
    }

    /**
     * Schools this caller is Head of. With a head-schools claim configured (an IdP that issues "Head of" per school):
     * the schools it names where the register shows the adult working. Otherwise: the schools claim where the register
     * names the adult {@code HEAD_OF_SCHOOL} on a current assignment; the schools claim alone never makes a Head.
     * Empty without the head-of-school role. A Head token that names no adult is refused (403): a Head acts only as a
     * person of the register (ADR 0011).
     */
    public Set<String> headedSchools() {
        if (!has(Role.HEAD_OF_SCHOOL)) {
            return Set.of();
        }
        StaffDirectory.Workplaces places = workplaces("A Head of School's token must name the adult (staff-id claim):"
                + " Head authority is confirmed against the staff register.");
        Set<String> claimed = identity.getAttribute(ClaimsAugmentor.HEAD_SCHOOLS);
        return confirmed(claimed, claimed != null ? places.worksAt() : places.headOf());
    }

    /**
     * Schools this caller is designated safeguarding lead of, by the same rule as {@link #headedSchools()}: a
     * dsl-schools claim when configured (confirmed by "works there"), else the schools claim where the register names
     * the adult {@code DSL} on a current assignment. Empty without the dsl role; fails closed.
     */
    public Set<String> dslSchools() {
        if (!has(Role.DSL)) {
            return Set.of();
        }
        StaffDirectory.Workplaces places = workplaces("A designated safeguarding lead's token must name the adult"
                + " (staff-id claim): their authority is confirmed against the staff register.");
        Set<String> claimed = identity.getAttribute(ClaimsAugmentor.DSL_SCHOOLS);
        return confirmed(claimed, claimed != null ? places.worksAt() : places.dslOf());
    }

    private Set<String> confirmed(Set<String> claimed, Set<String> register) {
        Set<String> named = new java.util.TreeSet<>(claimed != null ? claimed : schools());
        named.retainAll(register);
        return Set.copyOf(named);
    }

    private StaffDirectory.Workplaces workplaces(String withoutAdult) {
        if (workplaces == null) {
            StaffKey key = staffKey().orElseThrow(() -> new AccessDeniedException(withoutAdult));
            workplaces = directory.workplaces(key, time.today());
        }
        return workplaces;
    }

    /** Schools whose concerns this caller handles: as Head or as DSL (clauses 6.24, 10.6). */
    public Set<String> safeguardingSchools() {
        Set<String> all = new java.util.TreeSet<>(headedSchools());
        all.addAll(dslSchools());
        return Set.copyOf(all);
    }

    public boolean isHeadOf(String schoolUrn) {
        return headedSchools().contains(schoolUrn);
    }

    /** Whether the caller sees every school's records (Trust central team and HR). */
    public boolean seesWholeTrust() {
        return hasAny(Role.TRUST_ADMIN, Role.HR_SYNC);
    }

    public Optional<StaffKey> staffKey() {
        return Optional.ofNullable(identity.getAttribute(ClaimsAugmentor.STAFF_KEY));
    }

    /** The calling client (azp), for audit and acknowledgement records. */
    public Optional<String> clientId() {
        return Optional.ofNullable(identity.getAttribute(ClaimsAugmentor.CLIENT_ID));
    }
}
