package org.schooltrust.smp.staff;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.schooltrust.smp.common.records.PersonalData;

/** The personal data this feature holds (issue 24; {@link PersonalData}). */
@ApplicationScoped
class StaffPersonalData implements PersonalData {

    @Override
    public List<Table> tables() {
        return List.of(
                Table.kept(
                        "adults",
                        "the staff register itself: HR keeps it current, a leaver is deactivated, never deleted, so the records that run from their leaving date can be disposed of on time"),
                Table.kept("adult_assignments", "part of the staff register (where an adult works), as adults"));
    }
}
