package org.schooltrust.smp.declaration;

/** Why a declaration ended. */
public enum EndReason {
    PUPIL_LEFT,
    ADULT_LEFT,
    RELATIONSHIP_ENDED
}
