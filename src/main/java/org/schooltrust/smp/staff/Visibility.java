package org.schooltrust.smp.staff;

import java.util.Set;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.security.StaffKey;

/**
 * Which adults a caller may see, as a predicate every staff query includes: {@code hr-sync} and {@code trust-admin}
 * see everyone; a Head sees adults with an assignment at one of their schools; anyone with a staff identity sees
 * themselves.
 */
record Visibility(boolean everyone, Set<String> schools, StaffKey self) {

    static Visibility of(Caller caller) {
        return new Visibility(
                caller.seesWholeTrust(),
                caller.headedSchools(),
                caller.staffKey().orElse(null));
    }

    String selfHrId() {
        return self != null && self.kind() == StaffKey.Kind.HR_ID ? self.value() : null;
    }

    String selfEmail() {
        return self != null && self.kind() == StaffKey.Kind.EMAIL
                ? self.value().toLowerCase(java.util.Locale.ROOT)
                : null;
    }
}
