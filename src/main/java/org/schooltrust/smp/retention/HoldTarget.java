package org.schooltrust.smp.retention;

/** What a legal hold covers (ADR 0019). Values are stable API constants. */
public enum HoldTarget {
    /** An adult, by HR id: every record about them. */
    ADULT,
    /** A school, by URN: every record of the school. */
    SCHOOL,
    /** A pupil, by MIS id: declarations and concerns about them. */
    PUPIL,
    /** One record of any class, by its id. */
    RECORD
}
