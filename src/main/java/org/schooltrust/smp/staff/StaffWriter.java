package org.schooltrust.smp.staff;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.schooltrust.smp.audit.Action;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.error.ConflictException;
import org.schooltrust.smp.common.error.FieldError;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.error.ValidationFailedException;
import org.schooltrust.smp.common.security.AdultsDeactivated;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.security.StaffKey;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.common.web.ETags;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.school.SchoolService;
import org.schooltrust.smp.staff.StaffInputs.AdultInput;
import org.schooltrust.smp.staff.StaffInputs.AssignmentInput;
import org.schooltrust.smp.staff.StaffInputs.SyncRequest;
import org.schooltrust.smp.staff.StaffViews.SyncResult;

/**
 * Every write to the staff register: HR's bulk sync and single upserts by HR, the Trust or a Head. One path, so a
 * record means the same whichever way it arrived. Writers are serialised by a transaction-scoped lock; a batch is
 * validated completely before anything is written, and written in one transaction.
 */
@ApplicationScoped
public class StaffWriter {

    @Inject
    TimeSource time;

    public static final int MAX_RECORDS = 10_000;
    static final String AUDIT_TYPE = "adult";

    @Inject
    AdultStore store;

    @Inject
    SchoolService schools;

    @Inject
    ChangeLog changes;

    @Inject
    Validator validator;

    @Inject
    RequestAdult thisRequest;

    @Inject
    Caller caller;

    @Inject
    Event<AdultsLeftSchools> departures;

    @Inject
    Event<AdultsDeactivated> deactivations;

    @Inject
    jakarta.transaction.TransactionManager transactions;

    /** HR's bulk sync: all records valid or nothing written. */
    @Transactional
    public SyncResult sync(SyncRequest request, SyncMode mode, boolean dryRun) {
        List<AdultInput> records = request == null ? null : request.records();
        if (records == null) {
            throw ValidationFailedException.of("records", "is required");
        }
        if (records.size() > MAX_RECORDS) {
            throw ValidationFailedException.of(
                    "records", "at most " + MAX_RECORDS + " records per request (got " + records.size() + ")");
        }
        if (mode == SyncMode.full && records.isEmpty()) {
            throw ValidationFailedException.of(
                    "records", "a full sync needs at least one record: an empty one would deactivate every HR adult");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            String prefix = "records[" + i + "]";
            AdultInput record = records.get(i);
            if (record == null) {
                errors.add(new FieldError(prefix, "must not be null"));
                continue;
            }
            validate(record, prefix + ".", errors);
            if (record.hrId() == null) {
                errors.add(new FieldError(prefix + ".hrId", "is required in a sync"));
            } else {
                Integer earlier = firstIndex.putIfAbsent(record.hrId(), i);
                if (earlier != null) {
                    errors.add(new FieldError(prefix + ".hrId", "duplicates records[" + earlier + "].hrId"));
                }
            }
        }
        checkSchoolsExist(records, "records[%d].", errors);
        rejectIfAny(errors);

        store.lockRegister();
        Applied applied = apply(records, AdultSource.HR, mode == SyncMode.full);
        if (dryRun) {
            rollbackOnly();
        }
        return new SyncResult(
                mode,
                dryRun,
                records.size(),
                applied.created.size(),
                applied.updated.size(),
                applied.unchanged.size(),
                applied.deactivated.size());
    }

    /**
     * One adult by HR id. From {@code hr-sync} the record is HR-kept; from {@code trust-admin} or a Head it is a
     * manual record (volunteers, governors), and a Head may only place it in their own schools.
     */
    @Transactional
    public Versioned<Adult> put(String hrId, AdultInput input, String ifMatch) {
        boolean fromHr = caller.has(Role.HR_SYNC);
        boolean headOnly = !caller.seesWholeTrust();
        List<FieldError> errors = new ArrayList<>();
        validate(input, "", errors);
        if (input.hrId() != null && !input.hrId().equals(hrId)) {
            errors.add(new FieldError("hrId", "must be absent or equal the HR id in the path"));
        }
        if (!fromHr && input.assignments() != null) {
            // who is told of safeguarding concerns comes only from records HR keeps: a manual record that names a
            // Head or DSL could route concern mail to any address its writer chose (issue 23, ADR 0023)
            for (int k = 0; k < input.assignments().size(); k++) {
                AssignmentInput a = input.assignments().get(k);
                if (a != null
                        && a.responsibilities() != null
                        && !a.responsibilities().isEmpty()) {
                    errors.add(new FieldError(
                            "assignments[" + k + "].responsibilities",
                            "can only be set by Trust HR: HEAD_OF_SCHOOL and DSL decide who is told of safeguarding"
                                    + " concerns"));
                }
            }
        }
        if (headOnly && input.assignments() != null) {
            if (input.assignments().isEmpty()) {
                errors.add(new FieldError("assignments", "must place the adult in at least one of your schools"));
            }
            for (int k = 0; k < input.assignments().size(); k++) {
                AssignmentInput a = input.assignments().get(k);
                if (a != null && a.schoolUrn() != null && !caller.isHeadOf(a.schoolUrn())) {
                    errors.add(new FieldError("assignments[" + k + "].schoolUrn", "is not one of your schools"));
                }
            }
        }
        checkSchoolsExist(List.of(input), "", errors);
        rejectIfAny(errors);

        store.lockRegister();
        Adult existing = store.findByHrIds(List.of(hrId)).get(hrId);
        if (existing != null && !fromHr) {
            if (headOnly && (!existing.isAssignedToAnyOf(caller.headedSchools()) || existing.isManagedByHr())) {
                // the same answer wherever the record is, so a Head cannot probe other schools for HR ids
                throw new ConflictException("The HR id " + hrId + " is already in use in the Trust; a Head may"
                        + " create only new HR ids and change manual records of their schools. Ask the Trust.");
            }
            if (existing.isManagedByHr()) {
                throw new ConflictException("This adult is kept by Trust HR; change the record in the HR system.");
            }
        }
        ETags.checkIfPresent(ifMatch, existing == null ? null : existing.version());
        List<AssignmentInput> assignments = input.assignments();
        if (headOnly && existing != null) {
            assignments = keepingOtherSchools(existing, input);
        }
        AdultInput keyed = new AdultInput(
                hrId,
                input.firstName(),
                input.lastName(),
                input.workEmail(),
                input.category(),
                input.active(),
                assignments);
        Applied applied = apply(List.of(keyed), fromHr ? AdultSource.HR : AdultSource.MANUAL, false);
        Adult adult = applied.all().stream().findFirst().orElseThrow();
        // a Head is shown what a Head may read of the record: the assignments at their own schools
        Adult shown = headOnly ? adult.showingOnlySchools(caller.headedSchools()) : adult;
        return new Versioned<>(shown, adult.version(), !applied.created.isEmpty());
    }

    /**
     * A change from the Trust's identity provider (SCIM, issue 29), through the same path as HR's sync: the register
     * lock, the same validation, audit, events and leaver handling. {@code id} names the adult to change, or is null to
     * create one — or, when the HR id is already in the register without a provider link (HR synced them before SCIM was
     * switched on), to adopt that adult. What the change leaves {@code null} stays as it is. The record is HR-kept.
     */
    @Transactional
    public ProvisionedAdult provision(UUID id, Provisioning change) {
        store.lockRegister();
        Adult existing;
        if (id != null) {
            existing = store.findByIds(List.of(id)).get(id);
            if (existing == null) {
                throw new ResourceNotFoundException("No user with id " + id + ".");
            }
        } else {
            if (change.hrId() == null) {
                throw ValidationFailedException.of("hrId", "is required to create a user (the mapped HR id attribute)");
            }
            existing = store.findByHrIds(List.of(change.hrId())).get(change.hrId());
            if (existing != null && store.findLinks(List.of(existing.id())).containsKey(existing.id())) {
                throw new ConflictException("A user with HR id " + change.hrId() + " already exists.");
            }
        }
        IdpLink before = existing == null
                ? null
                : store.findLinks(List.of(existing.id())).get(existing.id());
        if (existing != null && change.hrId() != null && !change.hrId().equals(existing.hrId())) {
            throw ValidationFailedException.of(
                    "hrId", "cannot change: the register keys this adult by HR id " + existing.hrId());
        }
        String hrId = existing == null ? change.hrId() : existing.hrId();
        String userName = firstNonNull(change.userName(), before == null ? null : before.userName());
        String workEmail = firstNonNull(change.workEmail(), existing == null ? null : existing.workEmail());
        if (userName == null) {
            userName = workEmail;
        }
        String externalId = firstNonNull(change.externalId(), before == null ? null : before.externalId());
        if (userName == null) {
            throw ValidationFailedException.of("userName", "is required");
        }
        IdpLink link = new IdpLink(userName, externalId);
        UUID holder = store.linkHolder(userName, externalId).orElse(null);
        if (holder != null && (existing == null || !holder.equals(existing.id()))) {
            throw new ConflictException("Another user already has this userName or externalId.");
        }
        AdultCategory category =
                change.category() != null ? change.category() : existing == null ? null : existing.category();
        Boolean active =
                change.active() != null ? change.active() : existing == null ? Boolean.TRUE : existing.active();
        List<FieldError> errors = new ArrayList<>();
        List<AssignmentInput> assignments =
                provisionedAssignments(existing == null ? List.of() : existing.assignments(), change, errors);
        AdultInput input = new AdultInput(
                hrId,
                firstNonNull(change.firstName(), existing == null ? null : existing.firstName()),
                firstNonNull(change.lastName(), existing == null ? null : existing.lastName()),
                workEmail,
                category == null ? null : category.name(),
                active,
                assignments);
        validate(input, "", errors);
        checkSchoolsExist(List.of(input), "", errors);
        rejectIfAny(errors);
        Applied applied = apply(List.of(input), AdultSource.HR, false);
        Adult adult = applied.all().stream().findFirst().orElseThrow();
        if (!link.equals(before)) {
            store.saveLink(adult.id(), link, time.now());
        }
        return new ProvisionedAdult(adult, link, !applied.created.isEmpty());
    }

    /**
     * Group memberships as assignments: joining a school opens an assignment from today unless one is current or
     * ahead; leaving ends the current ones yesterday (one that starts later is removed). Responsibilities, when given,
     * are set on the current assignments.
     */
    private List<AssignmentInput> provisionedAssignments(
            List<Assignment> current, Provisioning change, List<FieldError> errors) {
        LocalDate today = time.today();
        List<Assignment> next = new ArrayList<>();
        for (Assignment a : current) {
            boolean ongoing = a.endDate() == null || !a.endDate().isBefore(today);
            if (change.leaveSchools().contains(a.schoolUrn()) && ongoing) {
                if (a.startDate().isBefore(today)) {
                    next.add(new Assignment(
                            a.schoolUrn(), a.jobTitle(), a.startDate(), today.minusDays(1), a.responsibilities()));
                }
                continue;
            }
            next.add(a);
        }
        for (String urn : new TreeSet<>(change.joinSchools())) {
            boolean member = next.stream()
                    .anyMatch(a -> a.schoolUrn().equals(urn)
                            && (a.endDate() == null || !a.endDate().isBefore(today)));
            if (!member) {
                next.removeIf(a -> a.schoolUrn().equals(urn) && a.startDate().equals(today));
                next.add(new Assignment(urn, null, today, null));
            }
        }
        if (change.responsibilities() != null) {
            Set<String> ongoingSchools = new HashSet<>();
            for (int i = 0; i < next.size(); i++) {
                Assignment a = next.get(i);
                if (a.endDate() == null || !a.endDate().isBefore(today)) {
                    ongoingSchools.add(a.schoolUrn());
                    next.set(
                            i,
                            new Assignment(
                                    a.schoolUrn(),
                                    a.jobTitle(),
                                    a.startDate(),
                                    a.endDate(),
                                    change.responsibilities().getOrDefault(a.schoolUrn(), Set.of())));
                }
            }
            change.responsibilities().keySet().stream()
                    .filter(urn -> !ongoingSchools.contains(urn))
                    .sorted()
                    .forEach(urn -> errors.add(new FieldError(
                            "responsibilities", "names school " + urn + ", which is not one of the user's groups")));
        }
        return next.stream()
                .map(a -> new AssignmentInput(
                        a.schoolUrn(),
                        a.jobTitle(),
                        a.startDate(),
                        a.endDate(),
                        a.responsibilitiesInOrder().stream().map(Enum::name).toList()))
                .toList();
    }

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }

    /**
     * A Head edits only their own schools' part of a manual record: assignments elsewhere are kept, and the adult's
     * details and active flag, which other schools rely on, stay as they are (409) while such assignments exist.
     */
    private List<AssignmentInput> keepingOtherSchools(Adult existing, AdultInput input) {
        List<Assignment> elsewhere = existing.assignments().stream()
                .filter(a -> !caller.isHeadOf(a.schoolUrn()))
                .toList();
        if (elsewhere.isEmpty()) {
            return input.assignments();
        }
        AdultDetails wanted = input.toDetails();
        if (!wanted.firstName().equals(existing.firstName())
                || !wanted.lastName().equals(existing.lastName())
                || !wanted.workEmail().equals(existing.workEmail())
                || wanted.category() != existing.category()
                || wanted.active() != existing.active()) {
            throw new ConflictException("This adult also works at schools you do not lead: only the Trust can change"
                    + " their details or deactivate them. You may change their assignments at your schools.");
        }
        List<AssignmentInput> merged = new ArrayList<>(input.assignments());
        elsewhere.forEach(a -> merged.add(new AssignmentInput(
                a.schoolUrn(),
                a.jobTitle(),
                a.startDate(),
                a.endDate(),
                a.responsibilitiesInOrder().stream().map(Enum::name).toList())));
        return merged;
    }

    private Applied apply(List<AdultInput> records, AdultSource source, boolean deactivateAbsent) {
        Instant now = time.now();
        LocalDate today = time.today();
        Set<String> hrIds = new LinkedHashSet<>();
        records.forEach(r -> hrIds.add(r.hrId()));
        Map<String, Adult> existing = store.findByHrIds(hrIds);
        Applied applied = new Applied();
        List<AuditEntry> events = new ArrayList<>();
        List<AdultsLeftSchools.Departure> left = new ArrayList<>();
        Set<StaffKey> deactivated = new HashSet<>();
        for (AdultInput record : records) {
            AdultDetails details = record.toDetails();
            Adult adult = existing.get(record.hrId());
            if (adult == null) {
                adult = Adult.register(record.hrId(), details, source, now);
                applied.created.add(adult);
                events.add(event(StaffAction.CREATED, adult, AdultFields.ALL, Set.of(), today));
                continue;
            }
            Set<String> schoolsBefore = adult.schoolsNotLeftBy(today);
            List<String> changed = adult.update(details, source, now);
            if (changed.contains("active") || changed.contains("assignments")) {
                departure(adult, schoolsBefore, today).ifPresent(left::add);
            }
            if (changed.contains("active") && !adult.active()) {
                deactivated.addAll(staffKeys(adult));
            }
            if (changed.isEmpty()) {
                applied.unchanged.add(adult);
            } else {
                applied.updated.add(adult);
                events.add(event(StaffAction.UPDATED, adult, changed, schoolsBefore, today));
            }
        }
        if (deactivateAbsent) {
            for (Adult absent : store.findActiveNotIn(hrIds)) {
                Set<String> schoolsBefore = absent.schoolsNotLeftBy(today);
                if (absent.isManagedByHr() && absent.deactivate(now)) {
                    departure(absent, schoolsBefore, today).ifPresent(left::add);
                    applied.deactivated.add(absent);
                    deactivated.addAll(staffKeys(absent));
                    events.add(event(StaffAction.DEACTIVATED, absent, List.of("active"), schoolsBefore, today));
                }
            }
        }
        store.insertAll(applied.created);
        List<Adult> changed = new ArrayList<>(applied.updated);
        changed.addAll(applied.deactivated);
        store.updateAll(changed);
        changes.recordAll(events);
        if (!left.isEmpty()) {
            departures.fire(new AdultsLeftSchools(left));
        }
        if (!deactivated.isEmpty()) {
            deactivations.fire(new AdultsDeactivated(Set.copyOf(deactivated)));
        }
        if (Arc.container().requestContext().isActive()) {
            thisRequest.forget();
        }
        return applied;
    }

    /** The ways a token can name this adult (ClaimsAugmentor): the HR id and the work email. */
    private static List<StaffKey> staffKeys(Adult adult) {
        List<StaffKey> keys = new ArrayList<>();
        keys.add(new StaffKey(StaffKey.Kind.HR_ID, adult.hrId()));
        if (adult.workEmail() != null) {
            keys.add(new StaffKey(StaffKey.Kind.EMAIL, adult.workEmail()));
        }
        return keys;
    }

    private static Optional<AdultsLeftSchools.Departure> departure(
            Adult adult, Set<String> schoolsBefore, LocalDate today) {
        Set<String> schoolsLeft = adult.schoolsLeftSince(schoolsBefore, today);
        return schoolsLeft.isEmpty()
                ? Optional.empty()
                : Optional.of(new AdultsLeftSchools.Departure(adult.id(), adult.hrId(), schoolsLeft));
    }

    /**
     * A change to an adult, filed under the schools they work at now and those they have just left (issue 25): the
     * Heads there are the ones it concerns, never the Head of a school the adult left years ago.
     */
    private static AuditEntry event(
            Action action, Adult adult, List<String> fields, Set<String> schoolsBefore, LocalDate today) {
        Set<String> schools = new java.util.TreeSet<>(adult.schoolsNotLeftBy(today));
        schools.addAll(adult.schoolsLeftSince(schoolsBefore, today));
        return new AuditEntry(
                        action,
                        AUDIT_TYPE,
                        adult.hrId(),
                        schools.stream().findFirst().orElse(null),
                        fields)
                .atSchools(schools);
    }

    private void validate(AdultInput record, String prefix, List<FieldError> errors) {
        for (ConstraintViolation<AdultInput> violation : validator.validate(record)) {
            String path = violation.getPropertyPath().toString().replace(".<list element>", "");
            errors.add(new FieldError(prefix + path, violation.getMessage()));
        }
        if (record.assignments() == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < record.assignments().size(); k++) {
            AssignmentInput a = record.assignments().get(k);
            if (a == null || a.startDate() == null) {
                continue;
            }
            if (a.endDate() != null && a.endDate().isBefore(a.startDate())) {
                errors.add(new FieldError(prefix + "assignments[" + k + "].endDate", "must not be before startDate"));
            }
            if (!seen.add(a.schoolUrn() + "@" + a.startDate())) {
                errors.add(new FieldError(
                        prefix + "assignments[" + k + "]", "repeats another assignment to the same school and start"));
            }
        }
    }

    private void checkSchoolsExist(List<AdultInput> records, String prefixFormat, List<FieldError> errors) {
        Set<String> urns = new HashSet<>();
        for (AdultInput record : records) {
            if (record != null && record.assignments() != null) {
                record.assignments().stream()
                        .filter(a -> a != null && a.schoolUrn() != null)
                        .forEach(a -> urns.add(a.schoolUrn()));
            }
        }
        Set<String> known = schools.existingUrns(urns);
        for (int i = 0; i < records.size(); i++) {
            AdultInput record = records.get(i);
            if (record == null || record.assignments() == null) {
                continue;
            }
            for (int k = 0; k < record.assignments().size(); k++) {
                AssignmentInput a = record.assignments().get(k);
                if (a != null
                        && a.schoolUrn() != null
                        && a.schoolUrn().matches("\\d{6}")
                        && !known.contains(a.schoolUrn())) {
                    errors.add(new FieldError(
                            prefixFormat.formatted(i) + "assignments[" + k + "].schoolUrn",
                            "is not a school of the Trust"));
                }
            }
        }
    }

    private static void rejectIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field, StaffWriter::compareFieldPaths));
            throw new ValidationFailedException(errors);
        }
    }

    /** Orders {@code records[2].x} before {@code records[10].x}. */
    static int compareFieldPaths(String a, String b) {
        return indexOf(a) != indexOf(b) ? Integer.compare(indexOf(a), indexOf(b)) : a.compareTo(b);
    }

    private static int indexOf(String path) {
        if (!path.startsWith("records[")) {
            return -1;
        }
        int end = path.indexOf(']');
        try {
            return Integer.parseInt(path.substring("records[".length(), end));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private void rollbackOnly() {
        try {
            transactions.setRollbackOnly();
        } catch (jakarta.transaction.SystemException e) {
            throw new IllegalStateException("Could not discard the dry run", e);
        }
    }

    private static final class Applied {
        final List<Adult> created = new ArrayList<>();
        final List<Adult> updated = new ArrayList<>();
        final List<Adult> unchanged = new ArrayList<>();
        final List<Adult> deactivated = new ArrayList<>();

        List<Adult> all() {
            List<Adult> all = new ArrayList<>(created);
            all.addAll(updated);
            all.addAll(unchanged);
            return all;
        }
    }
}
