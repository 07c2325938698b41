package org.schooltrust.smp.staff;

import java.util.Map;
import java.util.Set;

/**
 * A change an identity provider asks for (SCIM, issue 29). Every field is {@code null} when the request did not
 * mention it, which means "unchanged": Entra and Okta never send a clear. {@code joinSchools} and {@code leaveSchools}
 * are group memberships added and removed; {@code responsibilities}, when given, are what the adult holds at each of
 * their current schools (a school not named holds none).
 */
public record Provisioning(
        String hrId,
        String userName,
        String externalId,
        String firstName,
        String lastName,
        String workEmail,
        AdultCategory category,
        Boolean active,
        Map<String, Set<Responsibility>> responsibilities,
        Set<String> joinSchools,
        Set<String> leaveSchools) {

    public Provisioning {
        joinSchools = joinSchools == null ? Set.of() : Set.copyOf(joinSchools);
        leaveSchools = leaveSchools == null ? Set.of() : Set.copyOf(leaveSchools);
    }

    /** Only group memberships: the given schools joined and left. */
    public static Provisioning memberships(Set<String> join, Set<String> leave) {
        return new Provisioning(null, null, null, null, null, null, null, null, null, join, leave);
    }

    /** Only the active flag (a deactivation, or a re-enable). */
    public static Provisioning activeOnly(boolean active) {
        return new Provisioning(null, null, null, null, null, null, null, active, null, null, null);
    }
}
