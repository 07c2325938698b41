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

    /** Statuses a feed of once-acknowledged links shows: live, or its tombstone. */
    public static final Set<DeclarationStatus> IN_LINK_FEED = Set.of(ACKNOWLEDGED, ENDED, WITHDRAWN);

    /** The names of {@code statuses}, for {@code status = ANY(?)} in SQL: the set is written once, here. */
    public static String[] names(Set<DeclarationStatus> statuses) {
        return statuses.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
