package org.schooltrust.smp.policy;

/** A school's local text for one Trust version: {@code DRAFT → PUBLISHED → SUPERSEDED}. Stable API constants. */
public enum LocalTextStatus {
    DRAFT,
    PUBLISHED,
    SUPERSEDED
}
