package org.schooltrust.smp.policy;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.schooltrust.smp.common.records.PersonalData;

/** The personal data this feature holds (issue 24; {@link PersonalData}). */
@ApplicationScoped
class PolicyPersonalData implements PersonalData {

    @Override
    public List<Table> tables() {
        return List.of(Table.of("policy_versions", "POLICY_VERSION"));
    }
}
