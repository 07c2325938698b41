package org.schooltrust.smp.concern;

/** Where a concern is in its handling. Values are stable API constants. */
public enum ConcernStatus {
    RAISED,
    ACKNOWLEDGED,
    CLOSED
}
