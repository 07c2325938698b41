package org.schooltrust.smp.permission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.db.Versions;
import org.schooltrust.smp.common.error.ApiException;
import org.schooltrust.smp.common.error.FieldError;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.error.ValidationFailedException;
import org.schooltrust.smp.common.idempotency.Idempotency;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.records.Changed;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.common.web.ETags;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.event.EventType;
import org.schooltrust.smp.permission.PermissionInputs.PermissionInput;
import org.schooltrust.smp.permission.PermissionViews.PermissionCheck;
import org.schooltrust.smp.permission.PermissionViews.PermissionView;
import org.schooltrust.smp.staff.Adult;
import org.schooltrust.smp.staff.StaffService;

/** Express permissions (clause 6.5): granted and revoked by a Head of the school, read by the adult, checked by portals. */
@ApplicationScoped
public class PermissionService {

    static final String AUDIT_TYPE = "permission";

    /** The Idempotency-Key operation of a grant. */
    static final String GRANT = "permission.grant";

    @Inject
    Idempotency idempotency;

    @Inject
    PermissionStore store;

    @Inject
    Caller caller;

    @Inject
    StaffService staff;

    @Inject
    TimeSource time;

    @Inject
    ChangeLog changes;

    private PermissionView view(PermissionStore.Row row) {
        ExpressPermission p = row.permission();
        return new PermissionView(
                p.id(),
                p.schoolUrn(),
                row.hrId(),
                p.purpose(),
                p.channel(),
                p.validFrom(),
                p.validTo(),
                p.status(time.today()),
                row.grantedByHrId(),
                p.grantedAt(),
                p.revokedAt());
    }

    @Transactional
    public Versioned<PermissionView> grant(String urn, PermissionInput input, String idempotencyKey) {
        requireHead(urn);
        Optional<Idempotency.Replay> earlier =
                idempotency.claim(GRANT, idempotencyKey, Idempotency.fingerprint(List.of(urn, input)));
        if (earlier.isPresent()) {
            PermissionStore.Row first = find(earlier.get().uuid());
            return Versioned.created(view(first), (long) first.permission().version());
        }
        LocalDate today = time.today();
        List<FieldError> errors = new ArrayList<>();
        Adult adult = staff.findByHrIds(Set.of(input.staffHrId())).get(input.staffHrId());
        UUID me = staff.me().id();
        if (adult == null || !adult.worksAt(urn, today)) {
            errors.add(new FieldError("staffHrId", "must be an adult who works at this school"));
        } else if (ExpressPermission.forSelf(adult.id(), me)) {
            errors.add(new FieldError(
                    "staffHrId",
                    "must not be yourself: a Head's own permission is granted by another Head or the Trust"));
        }
        if (input.validTo().isBefore(input.validFrom())) {
            errors.add(new FieldError("validTo", "must not be before validFrom"));
        } else if (input.validTo().isBefore(today)) {
            errors.add(new FieldError("validTo", "must not be in the past"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        UUID id = UUID.randomUUID();
        Instant now = time.now();
        ExpressPermission granted = new ExpressPermission(
                id,
                urn,
                adult.id(),
                input.purpose().strip(),
                input.channel().strip(),
                input.validFrom(),
                input.validTo(),
                me,
                now,
                null,
                1);
        store.insert(granted, now);
        idempotency.created(GRANT, idempotencyKey, id);
        changes.record(AuditEntry.of(PermissionAction.GRANTED, AUDIT_TYPE, id.toString(), urn)
                .withRefs(Map.of(EventType.STAFF_HR_ID, adult.hrId())));
        // the write returns what it wrote: no read back
        return Versioned.created(
                view(new PermissionStore.Row(granted, adult.hrId(), staff.me().hrId())), granted.version());
    }

    @Transactional
    public Versioned<PermissionView> revoke(String urn, UUID id, String ifMatch) {
        requireHead(urn);
        PermissionStore.Row row = inSchool(urn, id);
        ETags.checkRequired(ifMatch, row.permission().version());
        UUID me = staff.me().id();
        Instant now = time.now();
        Changed<ExpressPermission> revoked = row.permission().revoke(me, now);
        Versions.require(store.revoke(id, row.permission().version(), me, now), "permission");
        changes.record(new AuditEntry(PermissionAction.REVOKED, AUDIT_TYPE, id.toString(), urn, revoked.fields())
                .withRefs(Map.of(EventType.STAFF_HR_ID, row.hrId())));
        PermissionStore.Row after = new PermissionStore.Row(revoked.next(), row.hrId(), row.grantedByHrId());
        return Versioned.existing(view(after), after.permission().version());
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public Versioned<PermissionView> get(String urn, UUID id) {
        requireHead(urn);
        PermissionStore.Row row = inSchool(urn, id);
        return Versioned.existing(view(row), row.permission().version());
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public Page<PermissionView> school(String urn, PageParams page) {
        requireHead(urn);
        return page(urn, null, page);
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public Page<PermissionView> mine(PageParams page) {
        return page(null, staff.me().id(), page);
    }

    /**
     * Granted or not: an active permission for this adult, school and purpose today. trust-admin asks about anyone; a
     * Head or DSL about their schools; any other adult only about themselves. Anything else is a 404.
     */
    @Transactional(dontRollbackOn = ApiException.class)
    public PermissionCheck check(String urn, String hrId, String purpose) {
        List<FieldError> errors = new ArrayList<>();
        if (hrId == null || hrId.isBlank()) {
            errors.add(new FieldError("staffHrId", "is required"));
        }
        if (purpose == null || purpose.isBlank()) {
            errors.add(new FieldError("purpose", "is required"));
        } else if (purpose.length() > 500) {
            errors.add(new FieldError("purpose", "at most 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        boolean allowed = caller.has(Role.TRUST_ADMIN)
                || caller.isHeadOf(urn)
                || caller.dslSchools().contains(urn);
        if (!allowed) {
            Adult me = staff.me();
            allowed = me.hrId().equals(hrId) && me.worksAt(urn, time.today());
        }
        if (!allowed) {
            throw new ResourceNotFoundException("No permissions of school " + urn + " you may check.");
        }
        LocalDate today = time.today();
        boolean granted = store.granted(urn, hrId, purpose, today);
        return new PermissionCheck(granted);
    }

    private Page<PermissionView> page(String urn, UUID adult, PageParams page) {
        Cursor.TimeAndId after = Cursor.TimeAndId.decode(page.cursor);
        List<PermissionStore.Row> rows = store.page(urn, adult, after.time(), after.id(), page.limit() + 1);
        return Page.of(
                rows.stream().map(this::view).toList(),
                page.limit(),
                v -> Cursor.TimeAndId.encode(v.grantedAt(), v.id()));
    }

    private PermissionStore.Row find(UUID id) {
        return store.find(id).orElseThrow();
    }

    private PermissionStore.Row inSchool(String urn, UUID id) {
        return store.find(id)
                .filter(r -> r.permission().schoolUrn().equals(urn))
                .orElseThrow(() -> new ResourceNotFoundException("No permission " + id + " at school " + urn + "."));
    }

    private void requireHead(String urn) {
        if (!caller.isHeadOf(urn)) {
            throw new ResourceNotFoundException("No school " + urn + " you lead.");
        }
    }
}
