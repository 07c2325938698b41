package org.schooltrust.smp.retention;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.schooltrust.smp.common.records.PersonalData;

/** The personal data this feature holds (issue 24; {@link PersonalData}). */
@ApplicationScoped
class RetentionPersonalData implements PersonalData {

    @Override
    public List<Table> tables() {
        return List.of(
                Table.kept(
                        "legal_holds",
                        "a hold names an adult or pupil by id so that nothing of theirs is destroyed; kept as the record of why"),
                Table.kept(
                        "retention_changes",
                        "who proposed and confirmed a change that lets records be destroyed: the record of the act"),
                Table.kept("disposal_runs", "certificates of what was destroyed: ids and hashes, no values"),
                Table.kept("disposal_certificates", "certificates of what was destroyed: ids and hashes, no values"),
                Table.kept("subject_access_exports", "the record that a subject access request was answered"));
    }
}
