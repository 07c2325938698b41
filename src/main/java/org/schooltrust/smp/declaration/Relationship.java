package org.schooltrust.smp.declaration;

/** How the adult is related to the pupil (clause 6.8). Values are stable API constants. */
public enum Relationship {
    PARENT,
    STEP_PARENT,
    GRANDPARENT,
    SIBLING,
    AUNT_UNCLE,
    COUSIN,
    CARER,
    OTHER
}
