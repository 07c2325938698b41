package org.schooltrust.smp.staff;

import java.util.List;

/** Field names of an adult, as audit events and API errors name them. */
final class AdultFields {

    static final List<String> ALL =
            List.of("firstName", "lastName", "workEmail", "category", "active", "assignments", "source");

    private AdultFields() {}
}
