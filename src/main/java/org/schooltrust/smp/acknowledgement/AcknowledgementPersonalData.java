package org.schooltrust.smp.acknowledgement;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.schooltrust.smp.common.records.PersonalData;

/** The personal data this feature holds (issue 24; {@link PersonalData}). */
@ApplicationScoped
class AcknowledgementPersonalData implements PersonalData {

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
