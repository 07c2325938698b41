package org.schooltrust.smp.event;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.event.EventType.Family;

/**
 * Which events one consumer may read — the same it could read through the API (ADR 0014): {@code mis} its schools'
 * family links; {@code register-reader} the register; {@code hr-sync} staff and schools; a Head their schools' events
 * and the Trust's policies; {@code trust-admin} all. The feed and every webhook endpoint use it.
 */
public record Audience(List<Grant> grants) {

    /** Types readable at the given schools, or at any school (and none) when {@code schools} is null. */
    public record Grant(Set<EventType> types, Set<String> schools) {

        boolean allows(EventType type, String schoolUrn) {
            return types.contains(type) && (schools == null || (schoolUrn != null && schools.contains(schoolUrn)));
        }
    }

    public Audience {
        grants = List.copyOf(grants);
    }

    /**
     * The audience of one role: {@code schools} are the schools it acts for (an MIS's or Head's schools; ignored for
     * Trust-wide roles).
     */
    public static Audience of(Role role, Set<String> schools) {
        List<Grant> grants = new ArrayList<>();
        switch (role) {
            case MIS -> grants.add(new Grant(EventType.ofFamilies(Family.LINK), Set.copyOf(schools)));
            case REGISTER_READER -> grants.add(new Grant(EventType.ofFamilies(Family.REGISTER), null));
            case HR_SYNC -> grants.add(new Grant(EventType.ofFamilies(Family.STAFF, Family.SCHOOL), null));
            case HEAD_OF_SCHOOL -> {
                Set<EventType> atSchool = EnumSet.allOf(EventType.class);
                atSchool.removeAll(EventType.ofFamilies(Family.ENDPOINT, Family.POLICY, Family.AUDIT));
                grants.add(new Grant(atSchool, Set.copyOf(schools)));
                grants.add(new Grant(EventType.ofFamilies(Family.POLICY), null));
            }
            case TRUST_ADMIN -> grants.add(new Grant(EnumSet.allOf(EventType.class), null));
            case DSL ->
                grants.add(new Grant(EventType.ofFamilies(Family.CONCERN, Family.RETENTION), Set.copyOf(schools)));
            default -> {
                // staff read their own records through /me; they have no feed
            }
        }
        return new Audience(grants);
    }

    /** The roles that have a feed (a non-empty audience): the identities a webhook endpoint may act for. */
    public static java.util.Set<Role> feedRoles() {
        java.util.Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (!of(role, java.util.Set.of()).isEmpty()) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** Whether the role reads events only at the schools it acts for (so an identity of it names them). */
    public static boolean schoolScoped(Role role) {
        return of(role, java.util.Set.of()).grants().stream().anyMatch(g -> g.schools() != null);
    }

    /** The union of several roles' audiences. */
    public static Audience union(List<Audience> audiences) {
        return new Audience(audiences.stream().flatMap(a -> a.grants().stream()).toList());
    }

    public boolean allows(EventType type, String schoolUrn) {
        return grants.stream().anyMatch(g -> g.allows(type, schoolUrn));
    }

    /** Whether an event of this wire type at this school (null: none) may be read: the webhook send-time check. */
    public boolean allowsWire(String wireType, String schoolUrn) {
        return java.util.Arrays.stream(EventType.values())
                .filter(t -> t.wire().equals(wireType))
                .anyMatch(t -> allows(t, schoolUrn));
    }

    public boolean isEmpty() {
        return grants.isEmpty();
    }

    /** Every wire type name this audience may read at all. */
    public Set<String> wireNames() {
        Set<EventType> all = EnumSet.noneOf(EventType.class);
        grants.forEach(g -> all.addAll(g.types()));
        return EventType.wireNames(all);
    }

    /**
     * Whether the audience can read anything at the school (so a {@code school} filter outside it is a 404); the
     * Trust-wide policy events a Head reads have no school and do not count.
     */
    public boolean reaches(String schoolUrn) {
        return grants.stream()
                .anyMatch(g -> g.schools() == null
                        ? g.types().stream().anyMatch(t -> t.family() != Family.POLICY)
                        : g.schools().contains(schoolUrn));
    }
}
