package org.schooltrust.smp.staff;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.schooltrust.smp.common.error.ApiException;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.staff.StaffInputs.AdultInput;

/** Reads of the staff register, always scoped to what the caller may see. */
@ApplicationScoped
public class StaffService {

    @Inject
    AdultStore store;

    @Inject
    Caller caller;

    @Inject
    TimeSource time;

    @Inject
    RequestAdult thisRequest;

    @Inject
    StaffConfig config;

    private Visibility visibility() {
        return Visibility.of(caller, time.today(), config.leaverGraceDays());
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public Adult get(String hrId) {
        Visibility visibility = visibility();
        return store.findVisible(hrId, visibility)
                .map(visibility::shown)
                .orElseThrow(
                        () -> new ResourceNotFoundException("No adult with HR id " + hrId + " is visible to you."));
    }

    /** The adult the token names (staff-id claim, or the email fallback). */
    @Transactional(dontRollbackOn = ApiException.class)
    public Adult me() {
        Optional<Adult> found = null;
        boolean inRequest = Arc.container().requestContext().isActive();
        if (inRequest) {
            found = thisRequest.cached();
        }
        if (found == null) {
            found = store.findBySelf(visibility());
            if (inRequest) {
                thisRequest.remember(found);
            }
        }
        return found.orElseThrow(
                () -> new ResourceNotFoundException("Your token names no adult of the staff register."));
    }

    /**
     * Adults by HR id, whoever is asking (no visibility or role check): for other features' rules, such as "the
     * administrators of a school account are active adults of that school". Never return these to a caller as-is.
     */
    @Transactional(dontRollbackOn = ApiException.class)
    public Map<String, Adult> findByHrIds(Collection<String> hrIds) {
        return hrIds.isEmpty() ? Map.of() : store.findByHrIds(hrIds);
    }

    /** Adults by internal id, with no visibility or role check (see {@link #findByHrIds}). */
    @Transactional(dontRollbackOn = ApiException.class)
    public Map<UUID, Adult> findByIds(Collection<UUID> ids) {
        return store.findByIds(ids);
    }

    /** One adult with what the identity provider calls them, whoever they are (SCIM, issue 29; role-checked there). */
    @Transactional(dontRollbackOn = ApiException.class)
    public ProvisionedAdult provisioned(UUID id) {
        Adult adult = store.findByIds(List.of(id)).get(id);
        if (adult == null) {
            throw new ResourceNotFoundException("No user with id " + id + ".");
        }
        return new ProvisionedAdult(adult, store.findLinks(List.of(id)).get(id), false);
    }

    /** The provider's user search: a 0-based offset into every matching adult, and how many match in all. */
    @Transactional(dontRollbackOn = ApiException.class)
    public ProvisionedPage provisioned(ProvisionedMatch match, int offset, int count) {
        long total = store.countProvisioned(match);
        List<Adult> adults = count == 0 ? List.of() : store.provisioned(match, offset, count);
        Map<UUID, IdpLink> links =
                store.findLinks(adults.stream().map(Adult::id).toList());
        return new ProvisionedPage(
                total,
                adults.stream()
                        .map(a -> new ProvisionedAdult(a, links.get(a.id()), false))
                        .toList());
    }

    /** A page of the provider's user search. */
    public record ProvisionedPage(long total, List<ProvisionedAdult> items) {}

    /** The active adults working at the school today (a SCIM group's members). */
    @Transactional(dontRollbackOn = ApiException.class)
    public List<Adult> currentAt(String schoolUrn) {
        return store.currentAt(schoolUrn, time.today());
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public Page<Adult> list(String schoolUrn, Boolean active, Instant updatedSince, PageParams page) {
        Instant afterUpdatedAt = null;
        String afterHrId = null;
        if (page.cursor != null && updatedSince != null) {
            List<String> keys = Cursor.decode(page.cursor, 2);
            afterUpdatedAt = Cursor.instant(keys.get(0));
            afterHrId = Cursor.shaped(keys.get(1), AdultInput.HR_ID);
        } else if (page.cursor != null) {
            afterHrId = Cursor.key(page.cursor, AdultInput.HR_ID);
        }
        Visibility visibility = visibility();
        // a school outside the caller's scope is a 404; only a Head's own schools are in scope (a Head who also
        // teaches elsewhere must not learn who else is or was assigned there)
        if (schoolUrn != null
                && !visibility.everyone()
                && !visibility.schools().contains(schoolUrn)
                && (caller.has(Role.HEAD_OF_SCHOOL) || !caller.schools().contains(schoolUrn))) {
            throw new ResourceNotFoundException("No school with URN " + schoolUrn + " is visible to you.");
        }
        StaffQuery query = new StaffQuery(schoolUrn, active, updatedSince, afterUpdatedAt, afterHrId);
        List<Adult> rows = store.list(query, visibility, page.limit() + 1).stream()
                .map(visibility::shown)
                .toList();
        Function<Adult, String> cursorOf = updatedSince == null
                ? a -> Cursor.encode(a.hrId())
                : a -> Cursor.encode(a.updatedAt().toString(), a.hrId());
        return Page.of(rows, page.limit(), cursorOf);
    }
}
