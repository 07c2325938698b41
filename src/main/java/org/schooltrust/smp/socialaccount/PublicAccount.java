package org.schooltrust.smp.socialaccount;

import java.time.Instant;
import java.util.UUID;

/**
 * An account as the public page shows it (issue 28): one that has been on the register — official now, suspended, or
 * retired — with the dates a parent needs and nothing about the adults who run it.
 */
public record PublicAccount(
        UUID id,
        String schoolUrn,
        Platform platform,
        String handle,
        String url,
        Purpose purpose,
        AccountStatus status,
        Instant liveSince,
        Instant reviewedAt,
        Instant endedAt) {

    public boolean official() {
        return status == AccountStatus.ACTIVE;
    }
}
