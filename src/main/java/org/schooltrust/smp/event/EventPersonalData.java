package org.schooltrust.smp.event;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.schooltrust.smp.common.records.PersonalData;

/** The personal data this feature holds (issue 24; {@link PersonalData}). */
@ApplicationScoped
class EventPersonalData implements PersonalData {

    @Override
    public List<Table> tables() {
        return List.of(Table.kept(
                "events", "the event feed, disposed of after SMP_EVENTS_RETENTION by its own sweep (ADR 0014)"));
    }
}
