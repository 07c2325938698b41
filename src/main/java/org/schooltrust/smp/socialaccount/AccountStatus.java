package org.schooltrust.smp.socialaccount;

/**
 * {@code PROPOSED → APPROVED | REJECTED}, {@code APPROVED → ACTIVE} (live URL confirmed once created), {@code ACTIVE ↔
 * SUSPENDED}, and {@code APPROVED | ACTIVE | SUSPENDED → RETIRED}. Only ACTIVE accounts are on the public register.
 * Values are stable API constants.
 */
public enum AccountStatus {
    PROPOSED,
    APPROVED,
    REJECTED,
    ACTIVE,
    SUSPENDED,
    RETIRED;

    /** Whether the account still holds its handle: no other proposal may claim it. */
    public boolean holdsHandle() {
        return this != REJECTED && this != RETIRED;
    }

    /** Whether a review date applies (the account is approved and not finished). */
    public boolean isUnderReview() {
        return this == APPROVED || this == ACTIVE || this == SUSPENDED;
    }
}
