package org.schooltrust.smp.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.schooltrust.smp.common.records.PersonalData;

/** The personal data this feature holds (issue 24; {@link PersonalData}). */
@ApplicationScoped
class AuditPersonalData implements PersonalData {

    @Override
    public List<Table> tables() {
        return List.of(
                Table.of("audit_events", "AUDIT_EVENT"),
                Table.kept(
                        "audit_checkpoints", "signatures of audit chain heads, no personal data beyond an event id"));
    }
}
