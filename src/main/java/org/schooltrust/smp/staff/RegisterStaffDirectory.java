package org.schooltrust.smp.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Set;
import org.schooltrust.smp.common.security.StaffDirectory;
import org.schooltrust.smp.common.security.StaffKey;

/** The staff register's answer to "where does the adult this token names work today" ({@link Adult#worksAt}). */
@ApplicationScoped
class RegisterStaffDirectory implements StaffDirectory {

    @Inject
    AdultStore store;

    @Override
    public Set<String> schoolsWorkedAt(StaffKey key, LocalDate day) {
        return store.findBySelf(Visibility.self(key))
                .map(adult -> adult.schoolsWorkedAt(day))
                .orElse(Set.of());
    }
}
