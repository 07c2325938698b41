package org.schooltrust.smp.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.schooltrust.smp.common.db.VersionedEntity;
import org.schooltrust.smp.common.error.IllegalTransitionException;
import org.schooltrust.smp.common.text.Sha256;
import org.schooltrust.smp.staff.AdultCategory;

/**
 * One version of a policy and its state machine: {@code DRAFT → PUBLISHED → SUPERSEDED | RETIRED}. Only a draft can
 * change; a published version never does. The body's SHA-256 is computed here, never taken from a client.
 */
@Entity
@Table(name = "policy_versions")
public class PolicyVersion extends VersionedEntity {

    @Id
    UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "policy_id")
    Policy policy;

    @Column(nullable = false, length = 32)
    String label;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    VersionStatus status;

    @Column(nullable = false)
    String body;

    @Column(name = "body_sha256", nullable = false, length = 64)
    String bodySha256;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    List<Clause> clauses;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    List<Statement> statements;

    @Column(nullable = false)
    boolean material;

    @Column(name = "all_schools", nullable = false)
    boolean allSchools;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "school_urns", nullable = false)
    List<String> schoolUrns;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    List<String> audience;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "local_sections", nullable = false)
    List<LocalSection> localSections;

    @Column(name = "due_days", nullable = false)
    int dueDays;

    @Column(name = "joiner_due_days", nullable = false)
    int joinerDueDays;

    /** The material version whose acknowledgement satisfies this one (itself when material). */
    @Column(name = "basis_id")
    UUID basisId;

    @Column(name = "published_at")
    Instant publishedAt;

    @Column(name = "ended_at")
    Instant endedAt;

    protected PolicyVersion() {}

    static PolicyVersion draft(Policy policy, String label, VersionContent content, Instant now) {
        PolicyVersion v = new PolicyVersion();
        v.id = UUID.randomUUID();
        v.policy = policy;
        v.label = label;
        v.status = VersionStatus.DRAFT;
        v.createdAt = now;
        v.apply(content);
        v.updatedAt = now;
        return v;
    }

    /** Replaces a draft's content; returns the names of the fields that changed. Anything but a draft is refused. */
    List<String> edit(VersionContent content, Instant now) {
        requireStatus(VersionStatus.DRAFT, "edit");
        Map<String, Object> before = snapshot();
        apply(content);
        Map<String, Object> after = snapshot();
        List<String> changed = new ArrayList<>();
        before.forEach((field, value) -> {
            if (!Objects.equals(value, after.get(field))) {
                changed.add(field);
            }
        });
        if (!changed.isEmpty()) {
            updatedAt = now;
        }
        return changed;
    }

    /**
     * Publishes this draft and supersedes the policy's current version, if any. A material version needs a fresh
     * acknowledgement; a non-material one carries the current version's acknowledgements forward.
     */
    void publish(Optional<PolicyVersion> current, Instant now) {
        requireStatus(VersionStatus.DRAFT, "publish");
        current.ifPresent(c -> c.supersede(now));
        status = VersionStatus.PUBLISHED;
        publishedAt = now;
        basisId = material || current.isEmpty() ? id : current.get().basisId;
        updatedAt = now;
    }

    void supersede(Instant now) {
        requireStatus(VersionStatus.PUBLISHED, "supersede");
        status = VersionStatus.SUPERSEDED;
        endedAt = now;
        updatedAt = now;
    }

    void retire(Instant now) {
        requireStatus(VersionStatus.PUBLISHED, "retire");
        status = VersionStatus.RETIRED;
        endedAt = now;
        updatedAt = now;
    }

    /** What this version asks of an adult (issue 22: the one question an acknowledgement asks of it). */
    public enum Ask {
        /** Current, and required of this adult at this school. */
        ACKNOWLEDGE,
        /** Superseded or retired: nothing more is recorded against it. */
        NOT_CURRENT,
        /** Current, but not for this school or this category of adult. */
        NOT_REQUIRED
    }

    /** What this version asks of an adult of {@code category} at {@code schoolUrn}. */
    public Ask asks(String schoolUrn, AdultCategory category) {
        if (!isCurrent()) {
            return Ask.NOT_CURRENT;
        }
        return covers(schoolUrn) && appliesTo(category) ? Ask.ACKNOWLEDGE : Ask.NOT_REQUIRED;
    }

    public boolean isCurrent() {
        return status == VersionStatus.PUBLISHED;
    }

    public boolean covers(String schoolUrn) {
        return allSchools || schoolUrns.contains(schoolUrn);
    }

    public boolean appliesTo(AdultCategory category) {
        return audience.contains(category.name());
    }

    public boolean hasBody(String sha256) {
        return bodySha256.equalsIgnoreCase(sha256);
    }

    /** Statement codes of this version that are not in {@code accepted}. */
    public List<String> missingStatements(Collection<String> accepted) {
        return statements.stream()
                .map(Statement::code)
                .filter(code -> !accepted.contains(code))
                .toList();
    }

    /** Whether some school must publish its own text before this version is in force there. */
    public boolean needsLocalText() {
        return localSections.stream().anyMatch(LocalSection::isRequired);
    }

    public Optional<LocalSection> localSection(String key) {
        return localSections.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public Optional<Clause> clause(String number) {
        return clauses.stream().filter(c -> c.number().equals(number)).findFirst();
    }

    /** Clause-level difference from {@code from} to this version. */
    public ClauseDiff diffFrom(PolicyVersion from) {
        Map<String, Clause> before = byNumber(from.clauses);
        Map<String, Clause> after = byNumber(clauses);
        List<Clause> added = after.values().stream()
                .filter(c -> !before.containsKey(c.number()))
                .toList();
        List<Clause> removed = before.values().stream()
                .filter(c -> !after.containsKey(c.number()))
                .toList();
        List<ClauseDiff.Change> changed = after.values().stream()
                .filter(c -> before.containsKey(c.number())
                        && !before.get(c.number()).equals(c))
                .map(c -> new ClauseDiff.Change(c.number(), before.get(c.number()), c))
                .toList();
        return new ClauseDiff(from.label, label, added, removed, changed);
    }

    static String sha256(String body) {
        return Sha256.hex(body);
    }

    private void apply(VersionContent content) {
        body = content.body();
        bodySha256 = sha256(content.body());
        clauses = List.copyOf(content.clauses());
        statements = List.copyOf(content.statements());
        material = content.material();
        allSchools = content.allSchools();
        schoolUrns = content.allSchools()
                ? List.of()
                : content.schoolUrns().stream().sorted().toList();
        audience = content.audience().stream().map(Enum::name).sorted().toList();
        localSections = List.copyOf(content.localSections());
        dueDays = content.dueDays();
        joinerDueDays = content.joinerDueDays();
    }

    private Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("body", body);
        s.put("clauses", clauses);
        s.put("statements", statements);
        s.put("material", material);
        s.put("allSchools", allSchools);
        s.put("schoolUrns", schoolUrns);
        s.put("audience", audience);
        s.put("localSections", localSections);
        s.put("dueDays", dueDays);
        s.put("joinerDueDays", joinerDueDays);
        return s;
    }

    private void requireStatus(VersionStatus required, String action) {
        if (status != required) {
            throw new IllegalTransitionException(
                    "Cannot " + action + " version " + label + ": it is " + status + ", not " + required + ".");
        }
    }

    private static Map<String, Clause> byNumber(List<Clause> clauses) {
        Map<String, Clause> map = new LinkedHashMap<>();
        clauses.forEach(c -> map.put(c.number(), c));
        return map;
    }

    public UUID id() {
        return id;
    }

    public Policy policy() {
        return policy;
    }

    public String label() {
        return label;
    }

    public VersionStatus status() {
        return status;
    }

    public String body() {
        return body;
    }

    public String bodySha256() {
        return bodySha256;
    }

    public List<Clause> clauses() {
        return clauses;
    }

    public List<Statement> statements() {
        return statements;
    }

    public boolean material() {
        return material;
    }

    public boolean allSchools() {
        return allSchools;
    }

    public List<String> schoolUrns() {
        return schoolUrns;
    }

    public List<String> audience() {
        return audience;
    }

    public List<LocalSection> localSections() {
        return localSections;
    }

    public int dueDays() {
        return dueDays;
    }

    public int joinerDueDays() {
        return joinerDueDays;
    }

    public UUID basisId() {
        return basisId;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }
}
