package org.schooltrust.smp.declaration;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.schooltrust.smp.audit.Action;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.error.AccessDeniedException;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.security.StaffKey;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.common.web.ETags;
import org.schooltrust.smp.declaration.DeclarationViews.Full;
import org.schooltrust.smp.staff.Adult;
import org.schooltrust.smp.staff.StaffService;

/**
 * Family declarations as the reviewers of a school see them: its Heads, and `trust-admin` for declarations a Head of
 * the school made (clause 6.8). Names, notes and protocols are shown only to them and the declarant, and every such
 * read is audited. The declarant's side is {@link MyDeclarationService}.
 */
@ApplicationScoped
class SchoolDeclarationService {

    @Inject
    TimeSource time;

    @Inject
    StaffService staff;

    @Inject
    ChangeLog changes;

    @Inject
    Caller caller;

    @Inject
    DeclarationRecords records;

    @Transactional
    public Page<Full> list(String urn, DeclarationStatus status, boolean reconfirmationOverdue, PageParams page) {
        boolean headsOnly = reviewerOf(urn);
        StringBuilder query =
                new StringBuilder("schoolUrn = :urn and (createdAt > :t or (createdAt = :t and id > :id))");
        if (headsOnly) {
            query.append(" and declaredByHead = true");
        }
        Parameters params = Parameters.with("urn", urn);
        Cursor.TimeAndId after = Cursor.TimeAndId.decode(page.cursor);
        Instant afterTime = after.time();
        UUID afterId = after.id();
        params.and("t", afterTime).and("id", afterId);
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (reconfirmationOverdue) {
            query.append(" and status = :acknowledged and reconfirmBy < :today");
            params.and("acknowledged", DeclarationStatus.ACKNOWLEDGED).and("today", time.today());
        }
        query.append(" order by createdAt, id");
        List<FamilyDeclaration> rows = FamilyDeclaration.<FamilyDeclaration>find(query.toString(), params)
                .range(0, page.limit())
                .list();
        Page<FamilyDeclaration> found =
                Page.of(rows, page.limit(), d -> Cursor.TimeAndId.encode(d.createdAt(), d.id()));
        Map<UUID, Adult> adults = staff.findByIds(
                found.items().stream().map(FamilyDeclaration::adultId).toList());
        return new Page<>(records.readAll(found.items(), d -> adults.get(d.adultId())), found.nextCursor());
    }

    @Transactional
    public Full get(String urn, UUID id) {
        FamilyDeclaration d = atSchool(urn, id, false, reviewerOf(urn));
        return records.read(d, staff.findByIds(List.of(d.adultId())).get(d.adultId()));
    }

    @Transactional
    public Full acknowledge(String urn, UUID id, String ifMatch, DeclarationInputs.Acknowledge input) {
        return byHead(
                urn,
                id,
                ifMatch,
                DeclarationAction.ACKNOWLEDGED,
                d -> d.acknowledge(headName(), input.discussedOn(), input.agreedProtocols(), input.note(), time.now()));
    }

    @Transactional
    public Full decline(String urn, UUID id, String ifMatch, DeclarationInputs.Reason input) {
        return byHead(
                urn, id, ifMatch, DeclarationAction.DECLINED, d -> d.decline(headName(), input.reason(), time.now()));
    }

    @Transactional
    public Full requestInfo(String urn, UUID id, String ifMatch, DeclarationInputs.Question input) {
        return byHead(
                urn,
                id,
                ifMatch,
                DeclarationAction.INFO_REQUESTED,
                d -> d.requestInfo(headName(), input.question(), time.now()));
    }

    @Transactional
    public Full end(String urn, UUID id, String ifMatch, DeclarationInputs.Reason input) {
        return byHead(
                urn,
                id,
                ifMatch,
                DeclarationAction.ENDED,
                d -> d.end(EndReason.RELATIONSHIP_ENDED, input.reason(), time.now()));
    }

    private Full byHead(
            String urn,
            UUID id,
            String ifMatch,
            Action action,
            java.util.function.Function<FamilyDeclaration, List<String>> transition) {
        FamilyDeclaration d = atSchool(urn, id, true, reviewerOf(urn));
        Adult declarant = staff.findByIds(List.of(d.adultId())).get(d.adultId());
        if (declarant != null && isCaller(declarant)) {
            throw new AccessDeniedException(
                    "A Head cannot review their own declaration; another Head of the school or the Trust must.");
        }
        ETags.checkRequired(ifMatch, d.version());
        List<String> changed = transition.apply(d);
        d.flush();
        changes.record(DeclarationRecords.change(action, d, declarant == null ? null : declarant.hrId(), changed));
        return records.view(d, declarant);
    }

    private boolean isCaller(Adult adult) {
        return caller.staffKey()
                .map(key -> key.kind() == StaffKey.Kind.HR_ID
                        ? key.value().equals(adult.hrId())
                        : key.value().equalsIgnoreCase(adult.workEmail()))
                .orElse(false);
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
}
