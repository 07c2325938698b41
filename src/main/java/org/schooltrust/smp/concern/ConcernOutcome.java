package org.schooltrust.smp.concern;

/** How a concern was closed. Values are stable API constants. */
public enum ConcernOutcome {
    RESOLVED,
    REFERRED,
    NO_FURTHER_ACTION,
    UNFOUNDED
}
