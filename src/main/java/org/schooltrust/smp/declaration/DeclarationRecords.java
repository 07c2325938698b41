package org.schooltrust.smp.declaration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.schooltrust.smp.audit.Action;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.audit.AuditLog;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.declaration.DeclarationViews.Full;
import org.schooltrust.smp.event.EventType;
import org.schooltrust.smp.staff.Adult;
import org.schooltrust.smp.staff.AdultsLeftSchools;
import org.schooltrust.smp.staff.StaffService;

/**
 * What both sides of family declarations share: the view (names only to those who may read them), audited reads, the
 * keyset cursor, and ending declarations for reasons no person chose (an adult or pupil left).
 */
@ApplicationScoped
class DeclarationRecords {

    @Inject
    TimeSource time;

    @Inject
    StaffService staff;

    @Inject
    AuditLog audit;

    @Inject
    ChangeLog changes;

    static final String AUDIT_TYPE = "family-declaration";

    void endForDepartures(@Observes AdultsLeftSchools event) {
        Set<String> left = new HashSet<>();
        event.departures().forEach(d -> d.schoolUrns().forEach(urn -> left.add(d.adultId() + "@" + urn)));
        List<UUID> adults = event.departures().stream()
                .map(AdultsLeftSchools.Departure::adultId)
                .toList();
        List<FamilyDeclaration> active = FamilyDeclaration.<FamilyDeclaration>find(
                        "adultId in ?1 and status in ?2", adults, DeclarationStatus.ACTIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        endAll(
                active.stream()
                        .filter(d -> left.contains(d.adultId() + "@" + d.schoolUrn()))
                        .toList(),
                EndReason.ADULT_LEFT);
    }

    /** Ends declarations for a reason no person chose (pupil or adult left), with one audit event each. */
    void endAll(List<FamilyDeclaration> declarations, EndReason reason) {
        Instant now = time.now();
        java.util.Map<UUID, Adult> adults = staff.findByIds(
                declarations.stream().map(FamilyDeclaration::adultId).distinct().toList());
        List<AuditEntry> events = new ArrayList<>();
        for (FamilyDeclaration d : declarations) {
            List<String> changed = d.end(reason, null, now);
            Adult adult = adults.get(d.adultId());
            events.add(change(DeclarationAction.ENDED, d, adult == null ? null : adult.hrId(), changed));
        }
        changes.recordAll(events);
    }

    /**
     * The audit entry of a change to a declaration, with the ids its events may carry: the MIS learns of a link by
     * staff HR id and pupil MIS id, and of a removal only if it could have seen the link (it was acknowledged).
     */
    static AuditEntry change(Action action, FamilyDeclaration d, String staffHrId, List<String> changed) {
        java.util.Map<String, String> refs = new java.util.HashMap<>();
        refs.put(EventType.PUPIL_MIS_ID, d.pupilMisId());
        refs.put(EventType.LINKED, Boolean.toString(d.acknowledgedAt() != null));
        if (staffHrId != null) {
            refs.put(EventType.STAFF_HR_ID, staffHrId);
        }
        return new AuditEntry(action, AUDIT_TYPE, d.id().toString(), d.schoolUrn(), changed).withRefs(refs);
    }

    /** A human read of a declaration: audited. */
    Full read(FamilyDeclaration d, Adult adult) {
        return readAll(List.of(d), x -> adult).get(0);
    }

    /** Human reads of declarations: one audit event each, appended to the chain in one go. */
    List<Full> readAll(
            List<FamilyDeclaration> declarations, java.util.function.Function<FamilyDeclaration, Adult> adultOf) {
        audit.recordReads(declarations.stream()
                .map(d ->
                        new AuditEntry(DeclarationAction.READ, AUDIT_TYPE, d.id().toString(), d.schoolUrn(), List.of()))
                .toList());
        return declarations.stream().map(d -> view(d, adultOf.apply(d))).toList();
    }

    Full view(FamilyDeclaration d, Adult adult) {
        return new Full(
                d.id(),
                d.schoolUrn(),
                adult == null ? null : adult.hrId(),
                adult == null ? null : adult.firstName(),
                adult == null ? null : adult.lastName(),
                d.pupilMisId(),
                d.pupilName(),
                d.relationship(),
                d.relationshipOther(),
                d.note(),
                d.status(),
                d.infoQuestion(),
                d.infoAnswer(),
                d.reviewedBy(),
                d.reviewedAt(),
                d.discussedOn(),
                d.agreedProtocols(),
                d.headNote(),
                d.acknowledgedAt(),
                d.declineReason(),
                d.endReason(),
                d.endNote(),
                d.endedAt(),
                d.reconfirmBy(),
                d.reconfirmedAt(),
                d.isReconfirmationOverdue(time.today()),
                d.createdAt(),
                d.updatedAt(),
                d.version());
    }
}
