package org.schooltrust.smp.acknowledgement;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.schooltrust.smp.common.records.PersonalData;

/** The personal data this feature holds (issue 24; {@link PersonalData}). */
@ApplicationScoped
class AcknowledgementPersonalData implements PersonalData {

    @Override
    public List<Disposal> disposals() {
        return List.of(new Disposal(
                "ACKNOWLEDGEMENT",
                "acknowledgements k JOIN adults a ON a.id = k.adult_id",
                "k.id",
                "true",
                "CASE WHEN NOT a.active THEN a.updated_at END",
                "ARRAY[k.adult_id]",
                "ARRAY[k.school_urn]",
                "NULL::text",
                "DELETED",
                List.of(PersonalData.throughOwner("acknowledgements"))));
    }

    @Override
    public List<Section> sections() {
        return List.of(new Section(
                "acknowledgements",
                30,
                false,
                "SELECT k.id, p.slug AS policy, v.label AS version, k.school_urn, t.revision AS local_text_revision,"
                        + " k.body_sha256, k.statements, k.acknowledged_at, k.client_id, k.user_agent"
                        + " FROM acknowledgements k JOIN policy_versions v ON v.id = k.version_id"
                        + " JOIN policies p ON p.id = v.policy_id LEFT JOIN policy_local_texts t ON t.id = k.local_text_id"
                        + " WHERE k.adult_id = ? ORDER BY k.acknowledged_at"));
    }

    @Override
    public List<Table> tables() {
        return List.of(
                Table.of("acknowledgements", "ACKNOWLEDGEMENT"),
                Table.kept(
                        "compliance_facts",
                        "derived counts per adult and requirement, rebuilt from acknowledgements and the register"),
                Table.kept("compliance_counts", "derived counts per school, no adult"),
                Table.kept("compliance_dirty", "a queue of adults whose counts are recomputed, emptied as it is read"));
    }
}
