package org.schooltrust.smp.acknowledgement;

/** Where an adult stands with a policy at one school. Values are stable API constants. */
public enum RequirementStatus {
    DONE,
    DUE,
    OVERDUE,
    NOT_REQUIRED
}
