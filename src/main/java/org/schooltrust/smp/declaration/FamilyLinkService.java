package org.schooltrust.smp.declaration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.schooltrust.smp.common.error.ApiException;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.declaration.DeclarationViews.CheckResponse;
import org.schooltrust.smp.declaration.DeclarationViews.Link;
import org.schooltrust.smp.declaration.DeclarationViews.SchoolCounts;
import org.schooltrust.smp.declaration.DeclarationViews.Unanswered;
import org.schooltrust.smp.staff.StaffInputs;

/** What a school's MIS and the Trust may know of family links: statuses and ids, never names or notes. */
@ApplicationScoped
class FamilyLinkService {

    @Inject
    FamilyLinkQueries queries;

    @Inject
    DeclarationRecords declarations;

    @Inject
    Caller caller;

    @Transactional(dontRollbackOn = ApiException.class)
    public CheckResponse check(String urn, DeclarationInputs.Check request) {
        requireMisOf(urn);
        return new CheckResponse(queries.check(urn, request.pairs()));
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public Page<Link> feed(String urn, Instant updatedSince, PageParams page) {
        requireMisOf(urn);
        Instant afterTime = Instant.EPOCH;
        UUID afterId = new UUID(0, 0);
        if (page.cursor != null) {
            Cursor.TimeAndId after = Cursor.TimeAndId.decode(page.cursor);
            afterTime = after.time();
            afterId = after.id();
        }
        List<Link> rows = queries.feed(
                urn, updatedSince == null ? Instant.EPOCH : updatedSince, afterTime, afterId, page.limit() + 1);
        return Page.of(rows, page.limit(), l -> Cursor.encode(l.updatedAt().toString(), l.id().toString()));
    }

    /** Ends the pupil's active declarations at the school (PUPIL_LEFT). A repeat ends nothing more. */
    @Transactional
    public int pupilLeft(String urn, String pupilMisId) {
        requireMisOf(urn);
        List<FamilyDeclaration> active = FamilyDeclaration.<FamilyDeclaration>find(
                        "schoolUrn = ?1 and pupilMisId = ?2 and status in ?3",
                        urn,
                        pupilMisId,
                        DeclarationStatus.ACTIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        declarations.endAll(active, EndReason.PUPIL_LEFT);
        return active.size();
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public Page<Unanswered> unanswered(String urn, PageParams page) {
        if (!caller.isHeadOf(urn)) {
            throw new ResourceNotFoundException("No school " + urn + " among your schools.");
        }
        String after = Cursor.key(page.cursor, StaffInputs.AdultInput.HR_ID);
        return Page.of(queries.unanswered(urn, after, page.limit() + 1), page.limit(), u -> Cursor.encode(u.hrId()));
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public Page<SchoolCounts> counts(PageParams page) {
        String after = Cursor.key(page.cursor, Cursor.URN);
        return Page.of(queries.counts(after, page.limit() + 1), page.limit(), c -> Cursor.encode(c.schoolUrn()));
    }

    /** An MIS acts only for the schools in its token; any other school is 404. */
    private void requireMisOf(String urn) {
        if (!caller.schools().contains(urn)) {
            throw new ResourceNotFoundException("No school " + urn + " for this MIS.");
        }
        if (!queries.schoolExists(urn)) { // a point query: no Hibernate session, no entity (issue 15)
            throw new ResourceNotFoundException("No school with URN " + urn + ".");
        }
    }
}
