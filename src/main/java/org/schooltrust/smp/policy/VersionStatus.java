package org.schooltrust.smp.policy;

/** {@code DRAFT → PUBLISHED → SUPERSEDED | RETIRED}. Values are stable API constants. */
public enum VersionStatus {
    DRAFT,
    PUBLISHED,
    SUPERSEDED,
    RETIRED
}
