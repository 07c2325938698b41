package org.schooltrust.smp.staff;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Fired (synchronously, inside the writing transaction) when adults stop working at schools: deactivated, or an
 * assignment removed. Other features observe it to end what depended on the adult being there.
 */
public record AdultsLeftSchools(List<Departure> departures) {

    public record Departure(UUID adultId, String hrId, Set<String> schoolUrns) {}
}
