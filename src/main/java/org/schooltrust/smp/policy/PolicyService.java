package org.schooltrust.smp.policy;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.error.ApiException;
import org.schooltrust.smp.common.error.DuplicateException;
import org.schooltrust.smp.common.error.FieldError;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.error.ValidationFailedException;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.common.web.ETags;
import org.schooltrust.smp.policy.PolicyInputs.PolicyInput;
import org.schooltrust.smp.policy.PolicyInputs.VersionInput;
import org.schooltrust.smp.school.SchoolService;
import org.schooltrust.smp.staff.AdultCategory;

/** Policies and their versions: drafting, publishing, retiring (trust-admin) and reading (staff and above). */
@ApplicationScoped
public class PolicyService {

    /** The shape of a policy slug (cursor keys). */
    public static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    @Inject
    TimeSource time;

    static final String POLICY = "policy";
    static final String VERSION = "policy-version";

    @Inject
    ChangeLog changes;

    @Inject
    Caller caller;

    @Inject
    Validator validator;

    @Inject
    SchoolService schools;

    @Inject
    LocalTextService localTexts;

    @Transactional
    public Policy create(PolicyInput input) {
        if (Policy.bySlug(input.slug()).isPresent()) {
            throw new DuplicateException("A policy with slug " + input.slug() + " already exists.");
        }
        Policy policy = Policy.create(input.slug(), input.title().strip(), now());
        policy.persist();
        changes.record(new AuditEntry(PolicyAction.CREATED, POLICY, policy.slug(), null, List.of("slug", "title")));
        return policy;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Policy> list(PageParams page) {
        String after = java.util.Objects.requireNonNullElse(Cursor.key(page.cursor, SLUG), "");
        List<Policy> rows = Policy.<Policy>find("slug > ?1", Sort.by("slug"), after)
                .range(0, page.limit())
                .list();
        return Page.of(rows, page.limit(), p -> Cursor.encode(p.slug()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Policy get(String slug) {
        return policy(slug);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PolicyVersion> current(Policy policy) {
        return PolicyVersion.find("policy = ?1 and status = ?2", policy, VersionStatus.PUBLISHED)
                .firstResultOptional();
    }

    @Transactional
    public PolicyVersion draft(String slug, VersionInput input) {
        Policy policy = policy(slug);
        VersionContent content = validated(input, null);
        if (PolicyVersion.count("policy = ?1 and label = ?2", policy, input.label()) > 0) {
            throw new DuplicateException("Version " + input.label() + " of " + slug + " already exists.");
        }
        PolicyVersion version = PolicyVersion.draft(policy, input.label(), content, now());
        version.persistAndFlush();
        changes.record(
                new AuditEntry(PolicyAction.VERSION_DRAFTED, VERSION, slug + "@" + version.label(), null, List.of()));
        return version;
    }

    @Transactional
    public PolicyVersion edit(String slug, String label, VersionInput input, String ifMatch) {
        PolicyVersion version = lockedVersion(slug, label);
        ETags.checkRequired(ifMatch, version.version());
        VersionContent content = validated(input, label);
        List<String> changed = version.edit(content, now());
        if (!changed.isEmpty()) {
            version.flush();
            changes.record(new AuditEntry(PolicyAction.VERSION_EDITED, VERSION, slug + "@" + label, null, changed));
        }
        return version;
    }

    @Transactional
    public PolicyVersion publish(String slug, String label, String ifMatch) {
        Policy policy = policy(slug);
        Policy.getEntityManager().lock(policy, LockModeType.PESSIMISTIC_WRITE);
        PolicyVersion version = lockedVersion(slug, label);
        ETags.checkRequired(ifMatch, version.version());
        Optional<PolicyVersion> current = current(policy);
        version.publish(current, now());
        version.flush();
        current.ifPresent(c -> localTexts.carryForward(c, version, now()));
        current.ifPresent(c -> changes.record(new AuditEntry(
                PolicyAction.VERSION_SUPERSEDED, VERSION, slug + "@" + c.label(), null, List.of("status"))));
        changes.record(
                new AuditEntry(PolicyAction.VERSION_PUBLISHED, VERSION, slug + "@" + label, null, List.of("status")));
        return version;
    }

    @Transactional
    public PolicyVersion retire(String slug, String label, String ifMatch) {
        PolicyVersion version = lockedVersion(slug, label);
        ETags.checkRequired(ifMatch, version.version());
        version.retire(now());
        version.flush();
        changes.record(
                new AuditEntry(PolicyAction.VERSION_RETIRED, VERSION, slug + "@" + label, null, List.of("status")));
        return version;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PolicyVersion> versions(String slug, PageParams page) {
        Policy policy = policy(slug);
        Cursor.TimeAndId after = Cursor.TimeAndId.decode(page.cursor);
        List<PolicyVersion> rows = PolicyVersion.<PolicyVersion>find(
                        "policy = ?1 and (createdAt > ?2 or (createdAt = ?2 and id > ?3)) order by createdAt, id",
                        policy,
                        after.time(),
                        after.id())
                .range(0, page.limit())
                .list();
        // drafts are hidden from all but trust-admin; a page may then hold fewer rows, never a wrong cursor
        Page<PolicyVersion> found = Page.of(rows, page.limit(), v -> Cursor.TimeAndId.encode(v.createdAt(), v.id()));
        return new Page<>(found.items().stream().filter(this::visible).toList(), found.nextCursor());
    }

    /** A version visible to the caller: drafts only to trust-admin; anything else is 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PolicyVersion version(String slug, String label) {
        return PolicyVersion.<PolicyVersion>find("policy.slug = ?1 and label = ?2", slug, label)
                .firstResultOptional()
                .filter(this::visible)
                .orElseThrow(() -> new ResourceNotFoundException("No version " + label + " of policy " + slug + "."));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Clause clause(String slug, String label, String number) {
        return version(slug, label)
                .clause(number)
                .orElseThrow(
                        () -> new ResourceNotFoundException("No clause " + number + " in " + slug + " " + label + "."));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ClauseDiff diff(String slug, String label, String fromLabel) {
        return version(slug, label).diffFrom(version(slug, fromLabel));
    }

    /** The current version label of each policy, in one query (policies without one are absent). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<java.util.UUID, String> currentLabels(List<Policy> policies) {
        if (policies.isEmpty()) {
            return java.util.Map.of();
        }
        return PolicyVersion.<PolicyVersion>list("policy in ?1 and status = ?2", policies, VersionStatus.PUBLISHED)
                .stream()
                .collect(java.util.stream.Collectors.toMap(v -> v.policy().id(), PolicyVersion::label));
    }

    /** Any version by slug and label, whatever its status, for other features' rules (no role check). */
    @Transactional(Transactional.TxType.SUPPORTS)
    /** Versions by id, for another feature's records of them (acknowledgements); no visibility or role check. */
    public java.util.Map<UUID, PolicyVersion> versionsByIds(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return PolicyVersion.<PolicyVersion>list("id in ?1", List.copyOf(ids)).stream()
                .collect(java.util.stream.Collectors.toMap(PolicyVersion::id, v -> v));
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public Optional<PolicyVersion> findVersion(String slug, String label) {
        return PolicyVersion.find("policy.slug = ?1 and label = ?2", slug, label)
                .firstResultOptional();
    }

    /** The current published version of a policy, if the policy exists and has one (no role check). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PolicyVersion> currentVersion(String slug) {
        return PolicyVersion.find("policy.slug = ?1 and status = ?2", slug, VersionStatus.PUBLISHED)
                .firstResultOptional();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String slug) {
        return Policy.bySlug(slug).isPresent();
    }

    private boolean visible(PolicyVersion version) {
        return version.status() != VersionStatus.DRAFT || caller.has(Role.TRUST_ADMIN);
    }

    private Policy policy(String slug) {
        return Policy.bySlug(slug).orElseThrow(() -> new ResourceNotFoundException("No policy " + slug + "."));
    }

    private PolicyVersion lockedVersion(String slug, String label) {
        return PolicyVersion.<PolicyVersion>find("policy.slug = ?1 and label = ?2", slug, label)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .orElseThrow(() -> new ResourceNotFoundException("No version " + label + " of policy " + slug + "."));
    }

    /** Checks every rule of a version's content at once; {@code pathLabel} is the label in the URL of an edit. */
    VersionContent validated(VersionInput input, String pathLabel) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<VersionInput> v : validator.validate(input)) {
            errors.add(new FieldError(v.getPropertyPath().toString().replace(".<list element>", ""), v.getMessage()));
        }
        if (pathLabel != null && input.label() != null && !pathLabel.equals(input.label())) {
            errors.add(new FieldError("label", "must equal the version label in the path"));
        }
        if (input.statements() != null) {
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < input.statements().size(); i++) {
                Statement s = input.statements().get(i);
                if (s != null && s.code() != null && !codes.add(s.code())) {
                    errors.add(new FieldError("statements[" + i + "].code", "repeats another statement's code"));
                }
            }
        }
        if (input.clauses() != null) {
            Set<String> numbers = new HashSet<>();
            for (int i = 0; i < input.clauses().size(); i++) {
                Clause c = input.clauses().get(i);
                if (c != null && c.number() != null && !numbers.add(c.number())) {
                    errors.add(new FieldError("clauses[" + i + "].number", "repeats another clause's number"));
                }
            }
        }
        if (Boolean.FALSE.equals(input.allSchools())) {
            List<String> urns = input.schoolUrns() == null ? List.of() : input.schoolUrns();
            if (urns.isEmpty()) {
                errors.add(new FieldError("schoolUrns", "must list at least one school when allSchools is false"));
            } else {
                Set<String> known = schools.existingUrns(
                        urns.stream().filter(u -> u != null).toList());
                for (int i = 0; i < urns.size(); i++) {
                    String urn = urns.get(i);
                    if (urn != null && urn.matches("\\d{6}") && !known.contains(urn)) {
                        errors.add(new FieldError("schoolUrns[" + i + "]", "is not a school of the Trust"));
                    }
                }
            }
        }
        List<Clause> clauses = input.clauses() == null
                ? (input.body() == null ? List.of() : ClauseSplitter.split(input.body()))
                : input.clauses();
        errors.addAll(localSectionProblems(input.localSections(), clauses));
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        Set<AdultCategory> audience = new LinkedHashSet<>();
        input.audience().forEach(a -> audience.add(AdultCategory.valueOf(a)));
        return new VersionContent(
                input.body(),
                clauses,
                input.statements(),
                input.material(),
                input.allSchools(),
                input.schoolUrns() == null ? List.of() : input.schoolUrns(),
                audience,
                input.localSections() == null ? List.of() : input.localSections(),
                input.dueDays(),
                input.joinerDueDays());
    }

    /** Local sections' keys and numbers are unique, and no number is one of the Trust text's clauses. */
    private static List<FieldError> localSectionProblems(List<LocalSection> sections, List<Clause> clauses) {
        List<FieldError> errors = new ArrayList<>();
        if (sections == null) {
            return errors;
        }
        Set<String> trustNumbers = new HashSet<>();
        clauses.stream().filter(c -> c != null).forEach(c -> trustNumbers.add(c.number()));
        Set<String> keys = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < sections.size(); i++) {
            LocalSection s = sections.get(i);
            if (s == null) {
                continue;
            }
            if (s.key() != null && !keys.add(s.key())) {
                errors.add(new FieldError("localSections[" + i + "].key", "repeats another section's key"));
            }
            if (s.number() != null && !numbers.add(s.number())) {
                errors.add(new FieldError("localSections[" + i + "].number", "repeats another section's number"));
            } else if (s.number() != null && trustNumbers.contains(s.number())) {
                errors.add(new FieldError("localSections[" + i + "].number", "is a clause of the Trust text"));
            }
        }
        return errors;
    }

    private Instant now() {
        return time.now();
    }
}
