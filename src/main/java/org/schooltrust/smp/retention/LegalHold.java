package org.schooltrust.smp.retention;

import java.time.Instant;
import java.util.UUID;

/**
 * A legal hold (ADR 0019): nothing it covers is disposed of while it stands. Lifting goes through a pending change
 * confirmed by a second trust-admin (issue 24); {@code liftedAt} is set when that change applies.
 */
public record LegalHold(
        UUID id, HoldTarget targetType, String targetId, String reason, Instant placedAt, Instant liftedAt) {

    /** A hold placed now. */
    static LegalHold place(UUID id, HoldTarget targetType, String targetId, String reason, Instant now) {
        return new LegalHold(id, targetType, targetId, reason, now, null);
    }

    public boolean lifted() {
        return liftedAt != null;
    }
}
