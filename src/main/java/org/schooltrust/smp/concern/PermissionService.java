package org.schooltrust.smp.concern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.audit.AuditLog;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.common.error.FieldError;
import org.schooltrust.smp.common.error.IllegalTransitionException;
import org.schooltrust.smp.common.error.PreconditionFailedException;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.error.ValidationFailedException;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.common.web.ETags;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.concern.ConcernInputs.PermissionInput;
import org.schooltrust.smp.concern.ConcernViews.PermissionCheck;
import org.schooltrust.smp.concern.ConcernViews.PermissionView;
import org.schooltrust.smp.event.EventType;
import org.schooltrust.smp.staff.Adult;
import org.schooltrust.smp.staff.StaffService;

/** Express permissions (clause 6.5): granted and revoked by a Head of the school, read by the adult, checked by portals. */
@ApplicationScoped
public class PermissionService {

    static final String AUDIT_TYPE = "permission";
    private static final String COLUMNS = "p.id, p.school_urn, p.adult_id, p.purpose, p.channel, p.valid_from,"
            + " p.valid_to, p.granted_by, p.granted_at, p.revoked_at, p.version, a.hr_id, g.hr_id";
    private static final String FROM =
            " FROM express_permissions p JOIN adults a ON a.id = p.adult_id JOIN adults g ON g.id = p.granted_by";

    @Inject
    Sql sql;

    @Inject
    Caller caller;

    @Inject
    StaffService staff;

    @Inject
    TimeSource time;

    @Inject
    AuditLog audit;

    private record Row(ExpressPermission permission, String hrId, String grantedByHrId) {}

    private static Row row(Sql.Row r) throws java.sql.SQLException {
        return new Row(
                new ExpressPermission(
                        r.uuid(1),
                        r.string(2),
                        r.uuid(3),
                        r.string(4),
                        r.string(5),
                        r.date(6),
                        r.date(7),
                        r.uuid(8),
                        r.instant(9),
                        r.instant(10),
                        r.longValue(11)),
                r.string(12),
                r.string(13));
    }

    private PermissionView view(Row row) {
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
    public Versioned<PermissionView> grant(String urn, PermissionInput input) {
        requireHead(urn);
        LocalDate today = time.today();
        List<FieldError> errors = new ArrayList<>();
        Adult adult = staff.findByHrIds(Set.of(input.staffHrId())).get(input.staffHrId());
        if (adult == null || !adult.worksAt(urn, today)) {
            errors.add(new FieldError("staffHrId", "must be an adult who works at this school"));
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
        sql.update(
                "grant an express permission",
                "INSERT INTO express_permissions (id, school_urn, adult_id, purpose, purpose_key, channel, valid_from,"
                        + " valid_to, granted_by, granted_at, version, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
                id,
                urn,
                adult.id(),
                input.purpose().strip(),
                ExpressPermission.purposeKey(input.purpose()),
                input.channel().strip(),
                input.validFrom(),
                input.validTo(),
                staff.me().id(),
                now,
                now);
        audit.record(AuditEntry.of("permission.granted", AUDIT_TYPE, id.toString(), urn)
                .withRefs(Map.of(EventType.STAFF_HR_ID, adult.hrId())));
        return Versioned.created(view(find(id)), 1L);
    }

    @Transactional
    public Versioned<PermissionView> revoke(String urn, UUID id, String ifMatch) {
        requireHead(urn);
        Row row = inSchool(urn, id);
        ETags.checkRequired(ifMatch, row.permission().version());
        if (row.permission().revokedAt() != null) {
            throw new IllegalTransitionException("This permission is already revoked.");
        }
        Instant now = time.now();
        if (sql.update(
                        "revoke an express permission",
                        "UPDATE express_permissions SET revoked_at = ?, revoked_by = ?, version = version + 1,"
                                + " updated_at = ? WHERE id = ? AND version = ?",
                        now,
                        staff.me().id(),
                        now,
                        id,
                        row.permission().version())
                != 1) {
            throw new PreconditionFailedException("The permission changed meanwhile; read it again and retry.");
        }
        audit.record(AuditEntry.of("permission.revoked", AUDIT_TYPE, id.toString(), urn)
                .withRefs(Map.of(EventType.STAFF_HR_ID, row.hrId())));
        Row after = find(id);
        return Versioned.existing(view(after), after.permission().version());
    }

    public Versioned<PermissionView> get(String urn, UUID id) {
        requireHead(urn);
        Row row = inSchool(urn, id);
        return Versioned.existing(view(row), row.permission().version());
    }

    public Page<PermissionView> school(String urn, PageParams page) {
        requireHead(urn);
        return page(" WHERE p.school_urn = ?", urn, page);
    }

    public Page<PermissionView> mine(PageParams page) {
        return page(" WHERE p.adult_id = ?", staff.me().id(), page);
    }

    /**
     * Granted or not: an active permission for this adult, school and purpose today. trust-admin asks about anyone; a
     * Head or DSL about their schools; any other adult only about themselves. Anything else is a 404.
     */
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
        boolean granted = sql.first(
                        "check an express permission",
                        "SELECT 1 FROM express_permissions p JOIN adults a ON a.id = p.adult_id WHERE p.school_urn = ?"
                                + " AND a.hr_id = ? AND p.purpose_key = ? AND p.revoked_at IS NULL"
                                + " AND p.valid_from <= ? AND p.valid_to >= ? LIMIT 1",
                        r -> true,
                        urn,
                        hrId,
                        ExpressPermission.purposeKey(purpose),
                        today,
                        today)
                .isPresent();
        return new PermissionCheck(granted);
    }

    private Page<PermissionView> page(String where, Object key, PageParams page) {
        Cursor.TimeAndId after = Cursor.TimeAndId.decode(page.cursor);
        List<Row> rows = sql.list(
                "list express permissions",
                "SELECT " + COLUMNS + FROM + where + " AND (p.granted_at, p.id) > (?, ?)"
                        + " ORDER BY p.granted_at, p.id LIMIT ?",
                PermissionService::row,
                key,
                after.time(),
                after.id(),
                page.limit() + 1);
        return Page.of(
                rows.stream().map(this::view).toList(),
                page.limit(),
                v -> Cursor.TimeAndId.encode(v.grantedAt(), v.id()));
    }

    private Row find(UUID id) {
        return sql.first(
                        "read an express permission",
                        "SELECT " + COLUMNS + FROM + " WHERE p.id = ?",
                        PermissionService::row,
                        id)
                .orElseThrow();
    }

    private Row inSchool(String urn, UUID id) {
        return sql.first(
                        "read an express permission",
                        "SELECT " + COLUMNS + FROM + " WHERE p.id = ? AND p.school_urn = ?",
                        PermissionService::row,
                        id,
                        urn)
                .orElseThrow(() -> new ResourceNotFoundException("No permission " + id + " at school " + urn + "."));
    }

    private void requireHead(String urn) {
        if (!caller.isHeadOf(urn)) {
            throw new ResourceNotFoundException("No school " + urn + " you lead.");
        }
    }
}
