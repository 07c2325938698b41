package org.schooltrust.smp.staff;

/** Who keeps the record: Trust HR (bulk sync) or a person (volunteers and governors HR does not hold). */
public enum AdultSource {
    HR,
    MANUAL
}
