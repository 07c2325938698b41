package org.schooltrust.smp.permission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.schooltrust.smp.common.error.AccessDeniedException;
import org.schooltrust.smp.common.error.IllegalTransitionException;
import org.schooltrust.smp.common.records.Changed;

/**
 * The Head's express permission (clause 6.5): an adult of the school may discuss pupils with parents over social media
 * for a stated purpose, on a channel, from one day to another. Granted only while valid and not revoked.
 */
public record ExpressPermission(
        UUID id,
        String schoolUrn,
        UUID adultId,
        String purpose,
        String channel,
        LocalDate validFrom,
        LocalDate validTo,
        UUID grantedBy,
        Instant grantedAt,
        Instant revokedAt,
        long version) {

    /**
     * A Head never decides their own case (clauses 6.5, 6.9): a permission for the acting Head is granted, changed or
     * revoked by another Head or the Trust, never by the Head it names.
     */
    public static boolean forSelf(UUID adultId, UUID actingAdultId) {
        return adultId != null && adultId.equals(actingAdultId);
    }

    /**
     * Revoked by {@code by} now; a revoked permission is not revoked again, and a Head never revokes their own
     * (clauses 6.5, 6.9).
     */
    public Changed<ExpressPermission> revoke(UUID by, Instant now) {
        if (revokedAt != null) {
            throw new IllegalTransitionException("This permission is already revoked.");
        }
        if (forSelf(adultId, by)) {
            throw new AccessDeniedException(
                    "A Head cannot revoke their own permission; another Head or the Trust decides on it.");
        }
        return new Changed<>(
                new ExpressPermission(
                        id,
                        schoolUrn,
                        adultId,
                        purpose,
                        channel,
                        validFrom,
                        validTo,
                        grantedBy,
                        grantedAt,
                        now,
                        version + 1),
                java.util.List.of("revokedAt"));
    }

    public PermissionStatus status(LocalDate today) {
        if (revokedAt != null) {
            return PermissionStatus.REVOKED;
        }
        if (today.isBefore(validFrom)) {
            return PermissionStatus.NOT_YET_VALID;
        }
        return today.isAfter(validTo) ? PermissionStatus.EXPIRED : PermissionStatus.ACTIVE;
    }

    public boolean grants(LocalDate today) {
        return status(today) == PermissionStatus.ACTIVE;
    }

    /** The form a purpose is matched in: case, and runs of spaces, do not matter. */
    public static String purposeKey(String purpose) {
        return purpose.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
