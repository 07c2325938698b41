package org.schooltrust.smp.concern;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.schooltrust.smp.common.error.IllegalTransitionException;
import org.schooltrust.smp.common.records.Changed;

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
        long version,
        boolean trustRouted) {

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

    /**
     * Whether the Trust's safeguarding lead handles it: only a concern routed to the Trust, and never by the adult it
     * names (ADR 0024).
     */
    public boolean handledByTrust(UUID callerAdultId) {
        return trustRouted && (aboutAdultId == null || !aboutAdultId.equals(callerAdultId));
    }

    /**
     * Whether a concern goes to the Trust's safeguarding route (ADR 0024): it names a Head (an allegation about a Head
     * always does, KCSIE Part 4), or nobody at the handling schools but the named adult holds Head or DSL.
     */
    public static boolean routesToTrust(boolean namesAHead, int otherHandlers) {
        return namesAHead || otherHandlers == 0;
    }

    /** Where the reporter is told it went. */
    public ConcernRoute route() {
        return trustRouted ? ConcernRoute.TRUST : ConcernRoute.SCHOOL;
    }

    /** The Head or DSL has seen it. */
    public Changed<Concern> acknowledge() {
        if (status != ConcernStatus.RAISED) {
            throw new IllegalTransitionException(
                    "Only a RAISED concern can be acknowledged; this one is " + status + ".");
        }
        return new Changed<>(with(ConcernStatus.ACKNOWLEDGED, null, null), List.of("status"));
    }

    /**
     * Guidance instead of a file for a concern about illegal material (ADR 0023): what the reporter must do, and that
     * the service keeps no copy. Empty when files may be kept.
     */
    public java.util.Optional<String> whyNoFiles() {
        if (category.keepsFiles()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(
                category == ConcernCategory.INDECENT_IMAGES
                        ? "A concern about indecent images of children keeps no files: do not copy, screenshot, save, forward"
                                + " or open the image again (copying it is itself an offence). Record in the description where"
                                + " you saw it, when, and on which platform, and leave the device as it is; the DSL involves"
                                + " the police or the LADO."
                        : "A concern about terrorist or extremist material keeps no files: do not download, screenshot, save"
                                + " or share it. Record in the description where you saw it, when, and on which platform; the"
                                + " DSL refers it under Prevent and reports the material to the police.");
    }

    /** Notes and actions are added while it is open. */
    public void requireOpen(String transition) {
        if (status == ConcernStatus.CLOSED) {
            throw new IllegalTransitionException("A CLOSED concern cannot " + transition + ".");
        }
    }

    public Changed<Concern> close(ConcernOutcome how, Instant now) {
        requireOpen("close");
        return new Changed<>(with(ConcernStatus.CLOSED, how, now), List.of("status", "outcome", "closedAt"));
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
                version + 1,
                trustRouted);
    }
}
