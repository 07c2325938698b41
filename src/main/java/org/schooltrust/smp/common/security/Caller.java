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

/**
 * Who is calling: roles, schools, which adult, which client. The one place services ask; every rule that depends on
 * the caller goes through here.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

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

    /** Refuses (403) unless the caller has one of the roles. */
    public void requireAny(Role... roles) {
        if (!hasAny(roles)) {
            throw new AccessDeniedException("This operation needs one of the roles " + Arrays.toString(roles) + ".");
        }
    }

    /** School URNs from the schools claim. */
    public Set<String> schools() {
        Set<String> schools = identity.getAttribute(ClaimsAugmentor.SCHOOLS);
        return schools == null ? Set.of() : schools;
    }

    /** Schools this caller is Head of (empty unless they have the head-of-school role). */
    public Set<String> headedSchools() {
        return has(Role.HEAD_OF_SCHOOL) ? schools() : Set.of();
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
