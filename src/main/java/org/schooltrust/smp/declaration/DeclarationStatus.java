package org.schooltrust.smp.declaration;

import java.util.Set;

/**
 * {@code SUBMITTED → ACKNOWLEDGED | DECLINED | INFO_REQUESTED}; {@code INFO_REQUESTED → SUBMITTED} (answered);
 * {@code WITHDRAWN} by the adult and {@code ENDED} (pupil left, adult left, relationship ended) close a declaration.
 */
public enum DeclarationStatus {
    SUBMITTED,
    INFO_REQUESTED,
    ACKNOWLEDGED,
    DECLINED,
    WITHDRAWN,
    ENDED;

    /** Statuses in which the declaration is still live (at most one per adult, pupil and school). */
    public static final Set<DeclarationStatus> ACTIVE = Set.of(SUBMITTED, INFO_REQUESTED, ACKNOWLEDGED);

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
