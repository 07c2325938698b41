package org.schooltrust.smp.declaration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.schooltrust.smp.audit.Action;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.db.AdvisoryLocks;
import org.schooltrust.smp.common.error.DuplicateException;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.error.ValidationFailedException;
import org.schooltrust.smp.common.idempotency.Idempotency;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.common.web.ETags;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.declaration.DeclarationViews.Full;
import org.schooltrust.smp.staff.Adult;
import org.schooltrust.smp.staff.StaffService;

/**
 * Family declarations as the adult who made them sees them (clauses 6.7-6.9): declare, nil returns, read, withdraw,
 * answer the Head, re-confirm. The Head's side is {@link SchoolDeclarationService}.
 */
@ApplicationScoped
class MyDeclarationService {

    /** The Idempotency-Key operation of a declaration. */
    static final String DECLARE = "family-declaration.declare";

    @Inject
    Idempotency idempotency;

    @Inject
    TimeSource time;

    @Inject
    StaffService staff;

    @Inject
    ChangeLog changes;

    @Inject
    Caller caller;

    @Inject
    AdvisoryLocks locks;

    @Inject
    DeclarationRecords records;

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
        Optional<Idempotency.Replay> earlier =
                idempotency.claim(DECLARE, idempotencyKey, Idempotency.fingerprint(input));
        if (earlier.isPresent()) {
            FamilyDeclaration first = FamilyDeclaration.findById(earlier.get().uuid());
            Full replayed = records.read(first, adult);
            return Versioned.created(replayed, replayed.version()); // a replay answers as the first did: 201
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
                caller.isHeadOf(input.schoolUrn()),
                time.now());
        declaration.persistAndFlush();
        idempotency.created(DECLARE, idempotencyKey, declaration.id());
        changes.record(DeclarationRecords.change(
                DeclarationAction.SUBMITTED,
                declaration,
                adult.hrId(),
                List.of("pupilMisId", "pupilName", "relationship", "note")));
        return Versioned.created(records.view(declaration, adult), declaration.version());
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
        NilReturn nil = NilReturn.declare(adult.id(), input.schoolUrn(), time.now());
        nil.persist();
        changes.record(new AuditEntry(
                DeclarationAction.NIL_RETURN, "family-nil-return", nil.id().toString(), input.schoolUrn(), List.of()));
        return new DeclarationViews.NilReturnView(nil.id(), nil.schoolUrn(), nil.declaredAt());
    }

    /** The caller's declarations, oldest first, keyset-paged like the Head's list. */
    @Transactional
    public Page<Full> mine(PageParams page) {
        Adult adult = self();
        Cursor.TimeAndId after = Cursor.TimeAndId.decode(page.cursor);
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
                Page.of(rows, page.limit(), d -> Cursor.TimeAndId.encode(d.createdAt(), d.id()));
        return new Page<>(records.readAll(found.items(), d -> adult), found.nextCursor());
    }

    @Transactional
    public Full mine(UUID id) {
        Adult adult = self();
        return records.read(own(id, adult), adult);
    }

    @Transactional
    public Full withdraw(UUID id, String ifMatch) {
        return byDeclarant(id, ifMatch, DeclarationAction.WITHDRAWN, d -> d.withdraw(time.now()));
    }

    @Transactional
    public Full answer(UUID id, String ifMatch, DeclarationInputs.Answer input) {
        return byDeclarant(id, ifMatch, DeclarationAction.ANSWERED, d -> d.answer(input.answer(), time.now()));
    }

    @Transactional
    public Full reconfirm(UUID id, String ifMatch) {
        return byDeclarant(id, ifMatch, DeclarationAction.RECONFIRMED, d -> d.reconfirm(time.now()));
    }

    private Full byDeclarant(
            UUID id,
            String ifMatch,
            Action action,
            java.util.function.Function<FamilyDeclaration, List<String>> transition) {
        Adult adult = self();
        FamilyDeclaration d = FamilyDeclaration.<FamilyDeclaration>find("id = ?1 and adultId = ?2", id, adult.id())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .orElseThrow(() -> new ResourceNotFoundException("No declaration " + id + " of yours."));
        ETags.checkRequired(ifMatch, d.version());
        List<String> changed = transition.apply(d);
        d.flush();
        changes.record(DeclarationRecords.change(action, d, adult.hrId(), changed));
        return records.view(d, adult);
    }

    /** The caller's adult record, which must currently work at the school. */
    private Adult currentAdult(String schoolUrn) {
        Adult adult = self();
        if (!adult.worksAt(schoolUrn, time.today())) {
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
}
