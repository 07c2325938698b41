package org.schooltrust.smp.retention;

/** A class of record with one retention rule (ADR 0019). Values are stable API constants. */
public enum RecordClass {
    POLICY_VERSION,
    ACKNOWLEDGEMENT,
    NIL_RETURN,
    FAMILY_DECLARATION,
    /** Not a record: the pupil's display name on a declaration, erased sooner than the declaration. */
    DECLARATION_PUPIL_NAME,
    CONCERN,
    /** Concerns of child-protection categories (INDECENT_IMAGES, RADICALISATION): kept the longest. */
    CONCERN_CHILD_PROTECTION,
    REMINDER,
    AUDIT_EVENT
}
