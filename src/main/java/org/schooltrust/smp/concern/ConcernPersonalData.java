package org.schooltrust.smp.concern;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.schooltrust.smp.common.records.PersonalData;

/** The personal data this feature holds (issue 24; {@link PersonalData}). */
@ApplicationScoped
class ConcernPersonalData implements PersonalData {

    @Override
    public List<Table> tables() {
        return List.of(
                Table.of("concerns", "CONCERN"),
                Table.of("concern_evidence", "CONCERN"),
                Table.of("concern_timeline", "CONCERN"),
                Table.kept(
                        "express_permissions",
                        "a standing permission between an adult and a pupil (clause 6.9), kept while it stands; revoked ones go with the adult's records"));
    }
}
