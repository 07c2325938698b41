package org.schooltrust.smp.staff;

import java.util.List;
import java.util.Locale;

/** Everything HR (or a Head, for a manual record) says about an adult, normalised for comparison. */
public record AdultDetails(
        String firstName,
        String lastName,
        String workEmail,
        AdultCategory category,
        boolean active,
        List<Assignment> assignments) {

    public AdultDetails {
        firstName = firstName.strip();
        lastName = lastName.strip();
        workEmail = workEmail.strip().toLowerCase(Locale.ROOT);
        assignments = assignments.stream().sorted(Assignment.ORDER).toList();
    }
}
