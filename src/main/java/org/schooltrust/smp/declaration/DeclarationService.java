package org.schooltrust.smp.declaration;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.audit.AuditLog;
import org.schooltrust.smp.common.db.AdvisoryLocks;
import org.schooltrust.smp.common.error.AccessDeniedException;
import org.schooltrust.smp.common.error.DuplicateException;
import org.schooltrust.smp.common.error.IdempotencyKeyReusedException;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.error.ValidationFailedException;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.security.StaffKey;
import org.schooltrust.smp.common.web.ETags;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.declaration.DeclarationViews.Full;
import org.schooltrust.smp.school.SchoolService;
import org.schooltrust.smp.staff.Adult;
import org.schooltrust.smp.staff.AdultsLeftSchools;
import org.schooltrust.smp.staff.StaffService;

/**
 * Family declarations as the adult and the Head see them. Names, notes and protocols are shown only to the declarant
 * and the Heads of that school, and every such read is audited.
 */
@ApplicationScoped
public class DeclarationService {

    @Inject
    org.schooltrust.smp.common.time.TimeSource time;

    static final String AUDIT_TYPE = "family-declaration";

    @Inject
    StaffService staff;

    @Inject
    SchoolService schools;

    @Inject
    AuditLog audit;

    @Inject
    AdvisoryLocks locks;

    @Inject
    Caller caller;

    // --- the adult -----------------------------------------------------------------------------------------------

    @Transactional
    public Versioned<Full> declare(DeclarationInputs.Declare input, String idempotencyKey) {
        Adult adult = currentAdult(input.schoolUrn());
        if (Relationship.valueOf(input.relationship()) == Relationship.OTHER
                && (input.relationshipOther() == null
                        || input.relationshipOther().isBlank())) {
            throw ValidationFailedException.of("relationshipOther", "is required when relationship is OTHER");
        }
        // one declaration at a time per adult, so a retry racing its original replays it instead of colliding
        locks.lock("family-declaration:" + adult.id());
        if (idempotencyKey != null) {
            Optional<FamilyDeclaration> replay = FamilyDeclaration.find(
                            "adultId = ?1 and idempotencyKey = ?2", adult.id(), idempotencyKey)
                    .firstResultOptional();
            if (replay.isPresent()) {
                FamilyDeclaration first = replay.get();
                if (!first.isTheSameRequestAs(input)) {
                    throw new IdempotencyKeyReusedException("declaration");
                }
                Full replayed = read(first, adult);
                return Versioned.created(replayed, replayed.version()); // a replay answers as the first did: 201
            }
        }
        if (FamilyDeclaration.count(
                        "adultId = ?1 and schoolUrn = ?2 and pupilMisId = ?3 and status in ?4",
                        adult.id(),
                        input.schoolUrn(),
                        input.pupilMisId(),
                        DeclarationStatus.ACTIVE)
                > 0) {
            throw new DuplicateException("You already have an active declaration for this pupil at this school.");
        }
        FamilyDeclaration declaration = FamilyDeclaration.submit(
                adult.id(),
                input.schoolUrn(),
                input.pupilMisId(),
                input.pupilName().strip(),
                Relationship.valueOf(input.relationship()),
                input.relationshipOther(),
                input.note(),
                idempotencyKey,
                caller.isHeadOf(input.schoolUrn()),
                now());
        declaration.persistAndFlush();
        audit.record(new AuditEntry(
                "family-declaration.submitted",
                AUDIT_TYPE,
                declaration.id().toString(),
                declaration.schoolUrn(),
                List.of("pupilMisId", "pupilName", "relationship", "note")));
        return Versioned.created(view(declaration, adult), declaration.version());
    }

    /** One of the caller's nil returns; anyone else's is 404. */
    @Transactional
    public DeclarationViews.NilReturnView nilReturn(UUID id) {
        Adult adult = self();
        NilReturn nil = NilReturn.<NilReturn>find("id = ?1 and adultId = ?2", id, adult.id())
                .firstResultOptional()
                .orElseThrow(() -> new ResourceNotFoundException("No nil return " + id + " of yours."));
        return new DeclarationViews.NilReturnView(nil.id(), nil.schoolUrn(), nil.declaredAt());
    }

    @Transactional
    public DeclarationViews.NilReturnView nilReturn(DeclarationInputs.NilReturn input) {
        Adult adult = currentAdult(input.schoolUrn());
        NilReturn nil = NilReturn.declare(adult.id(), input.schoolUrn(), now());
        nil.persist();
        audit.record(new AuditEntry(
                "family-declaration.nil-return",
                "family-nil-return",
                nil.id().toString(),
                input.schoolUrn(),
                List.of()));
        return new DeclarationViews.NilReturnView(nil.id(), nil.schoolUrn(), nil.declaredAt());
    }

    /** The caller's declarations, oldest first, keyset-paged like the Head's list. */
    @Transactional
    public Page<Full> mine(PageParams page) {
        Adult adult = self();
        After after = After.of(page.cursor);
        Instant afterTime = after.time();
        UUID afterId = after.id();
        List<FamilyDeclaration> rows = FamilyDeclaration.<FamilyDeclaration>find(
                        "adultId = ?1 and (createdAt > ?2 or (createdAt = ?2 and id > ?3)) order by createdAt, id",
                        adult.id(),
                        afterTime,
                        afterId)
                .range(0, page.limit())
                .list();
        Page<FamilyDeclaration> found =
                Page.of(rows, page.limit(), d -> Cursor.encode(d.createdAt().toString(), d.id().toString()));
        return new Page<>(readAll(found.items(), d -> adult), found.nextCursor());
    }

    @Transactional
    public Full mine(UUID id) {
        Adult adult = self();
        return read(own(id, adult), adult);
    }

    @Transactional
    public Full withdraw(UUID id, String ifMatch) {
        return byDeclarant(id, ifMatch, "family-declaration.withdrawn", d -> d.withdraw(now()));
    }

    @Transactional
    public Full answer(UUID id, String ifMatch, DeclarationInputs.Answer input) {
        return byDeclarant(id, ifMatch, "family-declaration.answered", d -> d.answer(input.answer(), now()));
    }

    @Transactional
    public Full reconfirm(UUID id, String ifMatch) {
        return byDeclarant(id, ifMatch, "family-declaration.reconfirmed", d -> d.reconfirm(now()));
    }

    // --- the Head --------------------------------------------------------------------------------------------------

    @Transactional
    public Page<Full> list(String urn, DeclarationStatus status, boolean reconfirmationOverdue, PageParams page) {
        boolean headsOnly = reviewerOf(urn);
        StringBuilder query =
                new StringBuilder("schoolUrn = :urn and (createdAt > :t or (createdAt = :t and id > :id))");
        if (headsOnly) {
            query.append(" and declaredByHead = true");
        }
        Parameters params = Parameters.with("urn", urn);
        After after = After.of(page.cursor);
        Instant afterTime = after.time();
        UUID afterId = after.id();
        params.and("t", afterTime).and("id", afterId);
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (reconfirmationOverdue) {
            query.append(" and status = :acknowledged and reconfirmBy < :today");
            params.and("acknowledged", DeclarationStatus.ACKNOWLEDGED).and("today", today());
        }
        query.append(" order by createdAt, id");
        List<FamilyDeclaration> rows = FamilyDeclaration.<FamilyDeclaration>find(query.toString(), params)
                .range(0, page.limit())
                .list();
        Page<FamilyDeclaration> found =
                Page.of(rows, page.limit(), d -> Cursor.encode(d.createdAt().toString(), d.id().toString()));
        Map<UUID, Adult> adults = staff.findByIds(
                found.items().stream().map(FamilyDeclaration::adultId).toList());
        return new Page<>(readAll(found.items(), d -> adults.get(d.adultId())), found.nextCursor());
    }

    @Transactional
    public Full get(String urn, UUID id) {
        FamilyDeclaration d = atSchool(urn, id, false, reviewerOf(urn));
        return read(d, staff.findByIds(List.of(d.adultId())).get(d.adultId()));
    }

    @Transactional
    public Full acknowledge(String urn, UUID id, String ifMatch, DeclarationInputs.Acknowledge input) {
        return byHead(
                urn,
                id,
                ifMatch,
                "family-declaration.acknowledged",
                d -> d.acknowledge(headName(), input.discussedOn(), input.agreedProtocols(), input.note(), now()));
    }

    @Transactional
    public Full decline(String urn, UUID id, String ifMatch, DeclarationInputs.Reason input) {
        return byHead(
                urn, id, ifMatch, "family-declaration.declined", d -> d.decline(headName(), input.reason(), now()));
    }

    @Transactional
    public Full requestInfo(String urn, UUID id, String ifMatch, DeclarationInputs.Question input) {
        return byHead(
                urn,
                id,
                ifMatch,
                "family-declaration.info-requested",
                d -> d.requestInfo(headName(), input.question(), now()));
    }

    @Transactional
    public Full end(String urn, UUID id, String ifMatch, DeclarationInputs.Reason input) {
        return byHead(
                urn,
                id,
                ifMatch,
                "family-declaration.ended",
                d -> d.end(EndReason.RELATIONSHIP_ENDED, input.reason(), now()));
    }

    // --- HR: adults who left end their declarations ------------------------------------------------------------------

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
        Instant now = now();
        List<AuditEntry> events = new ArrayList<>();
        for (FamilyDeclaration d : declarations) {
            d.end(reason, null, now);
            events.add(new AuditEntry(
                    "family-declaration.ended",
                    AUDIT_TYPE,
                    d.id().toString(),
                    d.schoolUrn(),
                    List.of("status", "endReason")));
        }
        audit.recordAll(events);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private Full byDeclarant(UUID id, String ifMatch, String action, Consumer<FamilyDeclaration> transition) {
        Adult adult = self();
        FamilyDeclaration d = FamilyDeclaration.<FamilyDeclaration>find("id = ?1 and adultId = ?2", id, adult.id())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .orElseThrow(() -> new ResourceNotFoundException("No declaration " + id + " of yours."));
        ETags.checkRequired(ifMatch, d.version());
        transition.accept(d);
        d.flush();
        audit.record(new AuditEntry(action, AUDIT_TYPE, d.id().toString(), d.schoolUrn(), List.of("status")));
        return view(d, adult);
    }

    private Full byHead(String urn, UUID id, String ifMatch, String action, Consumer<FamilyDeclaration> transition) {
        FamilyDeclaration d = atSchool(urn, id, true, reviewerOf(urn));
        Adult declarant = staff.findByIds(List.of(d.adultId())).get(d.adultId());
        if (declarant != null && isCaller(declarant)) {
            throw new AccessDeniedException(
                    "A Head cannot review their own declaration; another Head of the school or the Trust must.");
        }
        ETags.checkRequired(ifMatch, d.version());
        transition.accept(d);
        d.flush();
        audit.record(new AuditEntry(action, AUDIT_TYPE, d.id().toString(), d.schoolUrn(), List.of("status")));
        return view(d, declarant);
    }

    private boolean isCaller(Adult adult) {
        return caller.staffKey()
                .map(key -> key.kind() == StaffKey.Kind.HR_ID
                        ? key.value().equals(adult.hrId())
                        : key.value().equalsIgnoreCase(adult.workEmail()))
                .orElse(false);
    }

    /** The caller's adult record, which must currently work at the school. */
    private Adult currentAdult(String schoolUrn) {
        Adult adult = self();
        if (!adult.worksAt(schoolUrn, today())) {
            throw ValidationFailedException.of("schoolUrn", "is not a school you currently work in");
        }
        return adult;
    }

    private Adult self() {
        return staff.me();
    }

    private FamilyDeclaration own(UUID id, Adult adult) {
        return FamilyDeclaration.<FamilyDeclaration>find("id = ?1 and adultId = ?2", id, adult.id())
                .firstResultOptional()
                .orElseThrow(() -> new ResourceNotFoundException("No declaration " + id + " of yours."));
    }

    private FamilyDeclaration atSchool(String urn, UUID id, boolean lock, boolean headsOnly) {
        var query = FamilyDeclaration.<FamilyDeclaration>find(
                "id = ?1 and schoolUrn = ?2" + (headsOnly ? " and declaredByHead = true" : ""), id, urn);
        if (lock) {
            query = query.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.firstResultOptional()
                .orElseThrow(() -> new ResourceNotFoundException("No declaration " + id + " at school " + urn + "."));
    }

    /**
     * Who may review the school's declarations (clause 6.8): its Heads, all of them; {@code trust-admin}, only those a
     * Head of the school made, so a school with one Head can still have the Head's own declaration reviewed. Answers
     * whether the caller is limited to Heads' declarations; anyone else gets 404 (403 for lacking both roles).
     */
    private boolean reviewerOf(String urn) {
        if (caller.isHeadOf(urn)) {
            return false;
        }
        if (caller.has(Role.TRUST_ADMIN)) {
            return true;
        }
        throw new ResourceNotFoundException("No school " + urn + " among your schools.");
    }

    private String headName() {
        return caller.staffKey().map(k -> k.value()).orElse(caller.subject());
    }

    /** A human read of a declaration: audited. */
    private Full read(FamilyDeclaration d, Adult adult) {
        return readAll(List.of(d), x -> adult).get(0);
    }

    /** Human reads of declarations: one audit event each, appended to the chain in one go. */
    private List<Full> readAll(
            List<FamilyDeclaration> declarations, java.util.function.Function<FamilyDeclaration, Adult> adultOf) {
        audit.recordReads(declarations.stream()
                .map(d -> new AuditEntry(
                        "family-declaration.read", AUDIT_TYPE, d.id().toString(), d.schoolUrn(), List.of()))
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
                d.isReconfirmationOverdue(today()),
                d.createdAt(),
                d.updatedAt(),
                d.version());
    }

    private static UUID parseUuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new org.schooltrust.smp.common.error.InvalidRequestException(
                    "The cursor is not one this server issued for this list.");
        }
    }

    private LocalDate today() {
        return time.today();
    }

    private Instant now() {
        return time.now();
    }

    /** The keyset position of a (createdAt, id) cursor; the start of the list without one. */
    private record After(Instant time, UUID id) {
        static After of(String cursor) {
            if (cursor == null) {
                return new After(Instant.EPOCH, new UUID(0, 0));
            }
            List<String> keys = Cursor.decode(cursor, 2);
            return new After(Cursor.instant(keys.get(0)), parseUuid(keys.get(1)));
        }
    }
}
