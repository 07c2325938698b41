package org.schooltrust.smp.socialaccount;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.schooltrust.smp.audit.Action;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.db.AdvisoryLocks;
import org.schooltrust.smp.common.error.DuplicateException;
import org.schooltrust.smp.common.error.FieldError;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.error.ValidationFailedException;
import org.schooltrust.smp.common.idempotency.Idempotency;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.text.Sha256;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.school.SchoolService;
import org.schooltrust.smp.socialaccount.Canonicalizer.Canonical;
import org.schooltrust.smp.socialaccount.SocialAccountInputs.Proposal;
import org.schooltrust.smp.socialaccount.SocialAccountViews.AccountView;
import org.schooltrust.smp.socialaccount.SocialAccountViews.AdministratorView;
import org.schooltrust.smp.staff.Adult;
import org.schooltrust.smp.staff.StaffService;

/**
 * Official school accounts (clauses 8.1-8.2) as their proposers and readers see them: proposals by the school's
 * adults, lists and reads. The Head's decisions and the administrators' confirmation are
 * {@link SocialAccountDecisions}. Every lookup is scoped to what the caller may see (another school's
 * account is a 404); every change is audited in the same transaction.
 *
 * <p>Who sees what: {@code trust-admin} every account; a Head every account of the schools they head; an adult
 * every account of the schools they currently work in, and any account they proposed or administer.
 */
@ApplicationScoped
class SocialAccountService {

    /** The Idempotency-Key operation of a proposal. */
    static final String PROPOSE = "social-account.propose";

    @Inject
    Idempotency idempotency;

    @Inject
    TimeSource time;

    @Inject
    AdvisoryLocks locks;

    static final String AUDIT_TYPE = "social-account";

    /**
     * Writers of social accounts run one after the other until commit, so {@code register_updated_at} is monotonic in
     * commit order and a register delta read ({@code updatedSince}) never misses a change that commits late.
     */
    private static final UUID NOBODY = new UUID(0, 0);

    private static final Set<AccountStatus> HOLDING_HANDLE =
            EnumSet.of(AccountStatus.PROPOSED, AccountStatus.APPROVED, AccountStatus.ACTIVE, AccountStatus.SUSPENDED);
    static final Set<AccountStatus> UNDER_REVIEW =
            EnumSet.of(AccountStatus.APPROVED, AccountStatus.ACTIVE, AccountStatus.SUSPENDED);

    @Inject
    ChangeLog changes;

    @Inject
    Caller caller;

    @Inject
    StaffService staff;

    @Inject
    SchoolService schools;

    /**
     * Proposes an account for a school (clause 8.1). A replay with the same Idempotency-Key returns the first
     * proposal; the same key with a different request is a conflict.
     */
    @Transactional
    public Versioned<AccountView> propose(Proposal input, String idempotencyKey) {
        String urn = input.schoolUrn();
        if (schools.existingUrns(List.of(urn)).isEmpty()) {
            throw ValidationFailedException.of("schoolUrn", "is not a school of the Trust");
        }
        LocalDate today = today();
        Optional<Adult> me = me();
        boolean mayPropose = caller.has(Role.TRUST_ADMIN)
                || caller.isHeadOf(urn)
                || caller.has(Role.STAFF)
                        && me.filter(a -> a.worksAt(urn, today)).isPresent();
        if (!mayPropose) {
            throw new ResourceNotFoundException("No school " + urn + " for which you may propose accounts.");
        }
        lockRegister();
        Optional<Idempotency.Replay> earlier = idempotency.claim(PROPOSE, idempotencyKey, fingerprint(input));
        if (earlier.isPresent()) {
            // a replay answers as the first response did: 201
            return shown(SocialAccount.<SocialAccount>findById(earlier.get().uuid()), true);
        }

        List<FieldError> errors = new ArrayList<>();
        Canonical canonical = null;
        try {
            canonical = Canonicalizer.require(Platform.valueOf(input.platform()), input.handle());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("handle", e.getMessage()));
        }
        List<UUID> administrators = administrators(input.administrators(), urn, today, errors);
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        // what a proposer may learn: a proposal at their own school, or a live account (the public register).
        // Another school's unpublished proposal or approval stays unseen; approval is where handles must be unique.
        if (SocialAccount.count(
                        "platform = ?1 and handle = ?2 and (status = ?3 or (schoolUrn = ?4 and status in ?5))",
                        canonical.platform(),
                        canonical.handle(),
                        AccountStatus.ACTIVE,
                        urn,
                        HOLDING_HANDLE)
                > 0) {
            throw new DuplicateException("The account " + canonical.url()
                    + " is already proposed for this school or on the public register.");
        }
        SocialAccount account = SocialAccount.propose(
                urn,
                canonical,
                Purpose.valueOf(input.purpose()),
                input.reason(),
                administrators,
                new SocialAccount.Proposer(caller.subject(), me.map(Adult::id).orElse(null)),
                now());
        account.persistAndFlush();
        idempotency.created(PROPOSE, idempotencyKey, account.id());
        changes.record(new AuditEntry(
                SocialAccountAction.PROPOSED,
                AUDIT_TYPE,
                account.id().toString(),
                urn,
                List.of("schoolUrn", "platform", "handle", "purpose", "reason", "administrators")));
        return shown(account, true);
    }

    /** Accounts visible to the caller, oldest proposal first, with optional filters. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AccountView> list(AccountStatus status, String schoolUrn, Boolean reviewOverdue, PageParams page) {
        Scope scope = scope();
        if (schoolUrn != null && !scope.seesSchool(schoolUrn)) {
            throw new ResourceNotFoundException("No school " + schoolUrn + " whose accounts you may see.");
        }
        StringBuilder q = new StringBuilder("from SocialAccount a where 1 = 1");
        Parameters params = new Parameters();
        scope.restrict(q, params);
        if (status != null) {
            q.append(" and a.status = :status");
            params.and("status", status);
        }
        if (schoolUrn != null) {
            q.append(" and a.schoolUrn = :school");
            params.and("school", schoolUrn);
        }
        if (reviewOverdue != null) {
            q.append(reviewOverdue ? " and " : " and not ")
                    .append("(a.reviewDue is not null and a.reviewDue < :today and a.status in :underReview)");
            params.and("today", today()).and("underReview", UNDER_REVIEW);
        }
        if (page.cursor != null) {
            Cursor.TimeAndId after = Cursor.TimeAndId.decode(page.cursor);
            q.append(" and (a.proposedAt > :t or (a.proposedAt = :t and a.id > :id))");
            params.and("t", after.time()).and("id", after.id());
        }
        q.append(" order by a.proposedAt, a.id");
        List<SocialAccount> rows = SocialAccount.<SocialAccount>find(q.toString(), params)
                .range(0, page.limit())
                .list();
        Page<SocialAccount> found =
                Page.of(rows, page.limit(), a -> Cursor.encode(a.proposedAt().toString(), a.id().toString()));
        return new Page<>(views(found.items()), found.nextCursor());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Versioned<AccountView> get(UUID id) {
        return shown(visible(id, scope()), false);
    }

    /** An account and its view, built while the session is open. */
    SocialAccount visible(UUID id, Scope scope) {
        StringBuilder q = new StringBuilder("from SocialAccount a where a.id = :accountId");
        Parameters params = Parameters.with("accountId", id);
        scope.restrict(q, params);
        return SocialAccount.<SocialAccount>find(q.toString(), params)
                .firstResultOptional()
                .orElseThrow(() -> notFound(id));
    }

    Versioned<AccountView> saved(SocialAccount account, Action action, List<String> changed) {
        return saved(account, action, changed, java.util.Map.of());
    }

    /** The same, with ids its events may carry ({@code AuditEntry.withRefs}). */
    Versioned<AccountView> saved(
            SocialAccount account, Action action, List<String> changed, java.util.Map<String, String> refs) {
        SocialAccount.flush();
        changes.record(new AuditEntry(action, AUDIT_TYPE, account.id().toString(), account.schoolUrn(), changed)
                .withRefs(refs));
        return shown(account, false);
    }

    private Versioned<AccountView> shown(SocialAccount account, boolean created) {
        return new Versioned<>(views(List.of(account)).get(0), account.version(), created);
    }

    private List<AccountView> views(List<SocialAccount> accounts) {
        Set<UUID> adultIds = new HashSet<>();
        for (SocialAccount a : accounts) {
            adultIds.addAll(a.administratorIds());
            if (a.proposerAdultId() != null) {
                adultIds.add(a.proposerAdultId());
            }
        }
        Map<UUID, Adult> adults = staff.findByIds(adultIds);
        LocalDate today = today();
        return accounts.stream().map(a -> view(a, adults, today)).toList();
    }

    private static AccountView view(SocialAccount a, Map<UUID, Adult> adults, LocalDate today) {
        List<AdministratorView> administrators = a.administratorIds().stream()
                .map(adults::get)
                .filter(Objects::nonNull)
                .map(ad -> new AdministratorView(ad.hrId(), ad.firstName(), ad.lastName(), ad.active()))
                .toList();
        Adult proposer = a.proposerAdultId() == null ? null : adults.get(a.proposerAdultId());
        return new AccountView(
                a.id(),
                a.schoolUrn(),
                a.platform(),
                a.handle(),
                a.canonicalUrl(),
                a.purpose(),
                a.reason(),
                a.status(),
                administrators,
                proposer == null ? null : proposer.hrId(),
                a.proposedAt(),
                a.approvedAt(),
                a.reviewDue(),
                a.isReviewOverdue(today),
                a.reviewedAt(),
                a.rejectedAt(),
                a.rejectionReason(),
                a.liveSince(),
                a.suspendedAt(),
                a.suspensionReason(),
                a.retiredAt(),
                a.retirementReason(),
                a.updatedAt());
    }

    /** Administrators must be different active adults currently working at the school; every failure is listed. */
    private List<UUID> administrators(List<String> hrIds, String urn, LocalDate today, List<FieldError> errors) {
        Map<String, Adult> found = staff.findByHrIds(hrIds);
        Set<String> seen = new HashSet<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < hrIds.size(); i++) {
            String hrId = hrIds.get(i);
            Adult adult = found.get(hrId);
            if (!seen.add(hrId)) {
                errors.add(new FieldError("administrators[" + i + "]", "repeats another administrator"));
            } else if (adult == null || !adult.worksAt(urn, today)) {
                errors.add(new FieldError("administrators[" + i + "]", "is not an active adult of school " + urn));
            } else {
                ids.add(adult.id());
            }
        }
        return ids;
    }

    /** The caller's adult record, when the token names one. */
    private Optional<Adult> me() {
        if (caller.staffKey().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(staff.me());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    Scope scope() {
        if (caller.has(Role.TRUST_ADMIN)) {
            return new Scope(true, Set.of(), null);
        }
        Set<String> urns = new HashSet<>(caller.headedSchools());
        Optional<Adult> me = me().filter(Adult::active);
        if (me.isPresent() && caller.has(Role.STAFF)) {
            urns.addAll(me.get().schoolsWorkedAt(today()));
        }
        return new Scope(false, urns, me.map(Adult::id).orElse(null));
    }

    /** What the caller sees, as a predicate every query includes. */
    record Scope(boolean everyone, Set<String> schools, UUID self) {

        boolean seesSchool(String urn) {
            return everyone || schools.contains(urn);
        }

        void restrict(StringBuilder query, Parameters params) {
            if (everyone) {
                return;
            }
            query.append(" and (a.schoolUrn in :scopeSchools or a.proposerAdultId = :scopeSelf"
                    + " or :scopeSelf member of a.administratorIds)");
            params.and("scopeSchools", schools.isEmpty() ? List.of("") : List.copyOf(schools))
                    .and("scopeSelf", self == null ? NOBODY : self);
        }
    }

    void lockRegister() {
        locks.lock(AdvisoryLocks.Lock.PUBLIC_REGISTER);
    }

    static ResourceNotFoundException notFound(UUID id) {
        return new ResourceNotFoundException("No social account " + id + " is visible to you.");
    }

    private static String fingerprint(Proposal input) {
        String canonical = String.join(
                "\u001f",
                input.schoolUrn(),
                input.platform(),
                input.handle().strip(),
                input.purpose(),
                input.reason().strip(),
                String.join(",", input.administrators()));
        return Sha256.hex(canonical);
    }

    LocalDate today() {
        return time.today();
    }

    Instant now() {
        return time.now();
    }
}
