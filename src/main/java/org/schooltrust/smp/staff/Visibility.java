package org.schooltrust.smp.staff;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.security.StaffKey;

/**
 * Which adults a caller may see, as a predicate every staff query includes: {@code hr-sync} and {@code trust-admin}
 * see everyone; a Head sees adults with an assignment at one of their schools that is current (started, and not
 * ended before {@code endedNotBefore}, today less the configured leaver grace period); anyone with a staff identity
 * sees themselves. Of an adult seen only as a Head, just the assignments at the Head's schools are shown.
 */
record Visibility(boolean everyone, Set<String> schools, StaffKey self, LocalDate today, LocalDate endedNotBefore) {

    static Visibility of(Caller caller, LocalDate today, int leaverGraceDays) {
        boolean everyone = caller.seesWholeTrust();
        return new Visibility(
                everyone,
                everyone ? Set.of() : caller.headedSchools(),
                caller.staffKey().orElse(null),
                today,
                today.minusDays(leaverGraceDays));
    }

    /** Only the adult the key names. */
    static Visibility self(StaffKey key) {
        return new Visibility(false, Set.of(), key, LocalDate.MIN, LocalDate.MIN);
    }

    String selfHrId() {
        return self != null && self.kind() == StaffKey.Kind.HR_ID ? self.value() : null;
    }

    String selfEmail() {
        return self != null && self.kind() == StaffKey.Kind.EMAIL ? self.value().toLowerCase(Locale.ROOT) : null;
    }

    boolean isSelf(Adult adult) {
        return adult.hrId().equals(selfHrId()) || adult.workEmail().equals(selfEmail());
    }

    /** What of a visible adult this caller is shown: all of it, or (as a Head) the assignments at their schools. */
    Adult shown(Adult adult) {
        return everyone || isSelf(adult) ? adult : adult.showingOnlySchools(schools);
    }
}
