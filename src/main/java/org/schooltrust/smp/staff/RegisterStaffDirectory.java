package org.schooltrust.smp.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.schooltrust.smp.common.security.StaffDirectory;
import org.schooltrust.smp.common.security.StaffKey;

/**
 * The staff register's answer to "where does the adult this token names work today, and where are they Head or DSL"
 * ({@link Adult#worksAt}, {@link Adult#schoolsHolding}).
 */
@ApplicationScoped
class RegisterStaffDirectory implements StaffDirectory {

    @Inject
    AdultStore store;

    @Override
    public Workplaces workplaces(StaffKey key, LocalDate day) {
        return store.findBySelf(Visibility.self(key))
                .map(adult -> new Workplaces(
                        adult.schoolsWorkedAt(day),
                        adult.schoolsHolding(Responsibility.HEAD_OF_SCHOOL, day),
                        adult.schoolsHolding(Responsibility.DSL, day)))
                .orElse(Workplaces.NONE);
    }
}
