package org.schooltrust.smp.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.schooltrust.smp.common.records.PersonalData;

/** The personal data this feature holds (issue 24; {@link PersonalData}). */
@ApplicationScoped
class AuditPersonalData implements PersonalData {

    @Override
    public List<Disposal> disposals() {
        // disposed of as a prefix of each chain (ADR 0018): the job's own query; this definition serves the read
        return List.of(new Disposal(
                "AUDIT_EVENT",
                "audit_events e",
                "e.id",
                "true",
                "e.occurred_at",
                "ARRAY(SELECT a.id FROM adults a WHERE e.target_type = 'adult' AND a.hr_id = e.target_id)",
                "array_remove(ARRAY[e.school_urn::text], NULL)",
                "NULL::text",
                "DELETED",
                List.of(PersonalData.throughOwner("audit_events"))));
    }

    @Override
    public List<Table> tables() {
        return List.of(
                Table.of("audit_events", "AUDIT_EVENT"),
                Table.kept(
                        "audit_checkpoints", "signatures of audit chain heads, no personal data beyond an event id"));
    }
}
