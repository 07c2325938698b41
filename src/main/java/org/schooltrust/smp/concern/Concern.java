package org.schooltrust.smp.concern;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.schooltrust.smp.common.error.IllegalTransitionException;

/**
 * A concern raised with the Head (ADR 0017): the report as the adult made it, which never changes, and its handling
 * state, which moves {@code RAISED → ACKNOWLEDGED → CLOSED} (a concern may be closed straight from RAISED).
 */
public record Concern(
        UUID id,
        String schoolUrn,
        UUID reporterId,
        ConcernCategory category,
        boolean urgent,
        Instant occurredAt,
        String platform,
        String locationUrl,
        String description,
        String aboutPupilMisId,
        UUID aboutAdultId,
        UUID aboutAccountId,
        String canonicalPlatform,
        String canonicalHandle,
        UUID officialAccountId,
        Set<String> handlingSchools,
        Instant raisedAt,
        ConcernStatus status,
        ConcernOutcome outcome,
        Instant closedAt,
        long version) {

    /**
     * Who handles it: a Head or DSL of a handling school, unless the concern is about them (the adult a concern names
     * never sees it through the API).
     */
    public boolean handledBy(Set<String> safeguardingSchools, UUID callerAdultId) {
        if (aboutAdultId != null && aboutAdultId.equals(callerAdultId)) {
            return false;
        }
        return handlingSchools.stream().anyMatch(safeguardingSchools::contains);
    }

    /** The Head or DSL has seen it. */
    public Concern acknowledge() {
        if (status != ConcernStatus.RAISED) {
            throw new IllegalTransitionException(
                    "Only a RAISED concern can be acknowledged; this one is " + status + ".");
        }
        return with(ConcernStatus.ACKNOWLEDGED, null, null);
    }

    /** Notes and actions are added while it is open. */
    public void requireOpen(String transition) {
        if (status == ConcernStatus.CLOSED) {
            throw new IllegalTransitionException("A CLOSED concern cannot " + transition + ".");
        }
    }

    public Concern close(ConcernOutcome how, Instant now) {
        requireOpen("close");
        return with(ConcernStatus.CLOSED, how, now);
    }

    private Concern with(ConcernStatus next, ConcernOutcome how, Instant closed) {
        return new Concern(
                id,
                schoolUrn,
                reporterId,
                category,
                urgent,
                occurredAt,
                platform,
                locationUrl,
                description,
                aboutPupilMisId,
                aboutAdultId,
                aboutAccountId,
                canonicalPlatform,
                canonicalHandle,
                officialAccountId,
                handlingSchools,
                raisedAt,
                next,
                how,
                closed,
                version + 1);
    }
}
