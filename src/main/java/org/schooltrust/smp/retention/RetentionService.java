package org.schooltrust.smp.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.audit.AuditLog;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.common.error.FieldError;
import org.schooltrust.smp.common.error.IllegalTransitionException;
import org.schooltrust.smp.common.error.PreconditionFailedException;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.error.ValidationFailedException;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.common.web.ETags;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.retention.RetentionInputs.HoldInput;
import org.schooltrust.smp.retention.RetentionInputs.RuleInput;
import org.schooltrust.smp.retention.RetentionViews.HoldView;
import org.schooltrust.smp.retention.RetentionViews.RuleView;

/** Retention rules (data the Trust sets) and legal holds, for trust-admin; every change audited. */
@ApplicationScoped
public class RetentionService {

    @Inject
    Sql sql;

    @Inject
    AuditLog audit;

    @Inject
    TimeSource time;

    @Inject
    Caller caller;

    public Map<RecordClass, RetentionRule> rules() {
        Map<RecordClass, RetentionRule> rules = new EnumMap<>(RecordClass.class);
        sql.list(
                "read retention rules",
                "SELECT record_class, period, basis, source, version FROM retention_rules",
                r -> rules.put(
                        r.enumValue(1, RecordClass.class),
                        new RetentionRule(
                                r.enumValue(1, RecordClass.class),
                                Period.parse(r.string(2)),
                                r.string(3),
                                r.string(4),
                                r.longValue(5))));
        return rules;
    }

    public List<RuleView> list() {
        return rules().values().stream().map(RuleView::of).toList();
    }

    @Transactional
    public Versioned<RuleView> replace(String className, RuleInput input, String ifMatch) {
        RecordClass recordClass = Arrays.stream(RecordClass.values())
                .filter(c -> c.name().equals(className))
                .findFirst()
                .orElseThrow(() -> ValidationFailedException.of(
                        "recordClass", "must be one of " + Arrays.toString(RecordClass.values())));
        String text = input.period();
        RetentionRule.problem(text).ifPresent(e -> {
            throw new ValidationFailedException(List.of(e));
        });
        Period period = Period.parse(text.strip());
        Map<RecordClass, RetentionRule> rules = rules();
        List<FieldError> errors = new ArrayList<>();
        if (recordClass == RecordClass.CONCERN) {
            errors.addAll(RetentionRule.consistency(
                    period, rules.get(RecordClass.CONCERN_CHILD_PROTECTION).period()));
        } else if (recordClass == RecordClass.CONCERN_CHILD_PROTECTION) {
            errors.addAll(
                    RetentionRule.consistency(rules.get(RecordClass.CONCERN).period(), period));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        RetentionRule current = rules.get(recordClass);
        ETags.checkIfPresent(ifMatch, current.version());
        if (sql.update(
                        "replace a retention rule",
                        "UPDATE retention_rules SET period = ?, version = version + 1, updated_at = ?"
                                + " WHERE record_class = ? AND version = ?",
                        period.toString(),
                        time.now(),
                        recordClass,
                        current.version())
                != 1) {
            throw new PreconditionFailedException("The rule changed meanwhile; read it again and retry.");
        }
        audit.record(new AuditEntry(
                "retention-rule.updated", "retention-rule", recordClass.name(), null, List.of("period")));
        return Versioned.existing(
                RuleView.of(new RetentionRule(
                        recordClass, period, current.basis(), current.source(), current.version() + 1)),
                current.version() + 1);
    }

    // -- legal holds

    @Transactional
    public Versioned<HoldView> place(HoldInput input) {
        String type = input.targetType();
        String target = input.targetId().strip();
        String reason = input.reason().strip();
        if (!exists(type, target)) {
            throw ValidationFailedException.of(
                    "targetId", "names no " + type.toLowerCase(java.util.Locale.ROOT) + " the service holds");
        }
        UUID id = UUID.randomUUID();
        Instant now = time.now();
        sql.update(
                "place a legal hold",
                "INSERT INTO legal_holds (id, target_type, target_id, reason, placed_by, placed_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 1)",
                id,
                type,
                target,
                reason,
                caller.subject(),
                now);
        audit.record(new AuditEntry(
                "legal-hold.placed", "legal-hold", id.toString(), null, List.of("targetType", "targetId")));
        return Versioned.created(new HoldView(id, type, target, reason, now, null), 1L);
    }

    @Transactional
    public Versioned<HoldView> lift(UUID id, String ifMatch) {
        HoldView hold = hold(id);
        long version = sql.first(
                        "read a hold's version",
                        "SELECT version FROM legal_holds WHERE id = ?",
                        r -> r.longValue(1),
                        id)
                .orElseThrow();
        ETags.checkRequired(ifMatch, version);
        if (hold.liftedAt() != null) {
            throw new IllegalTransitionException("This hold is already lifted.");
        }
        Instant now = time.now();
        sql.update(
                "lift a legal hold",
                "UPDATE legal_holds SET lifted_at = ?, lifted_by = ?, version = version + 1 WHERE id = ? AND version = ?",
                now,
                caller.subject(),
                id,
                version);
        audit.record(new AuditEntry("legal-hold.lifted", "legal-hold", id.toString(), null, List.of("liftedAt")));
        return Versioned.existing(hold(id), version + 1);
    }

    public List<HoldView> holds() {
        return sql.list(
                "list legal holds",
                "SELECT id, target_type, target_id, reason, placed_at, lifted_at FROM legal_holds ORDER BY placed_at, id",
                RetentionService::holdOf);
    }

    public Versioned<HoldView> get(UUID id) {
        long version = sql.first(
                        "read a hold's version",
                        "SELECT version FROM legal_holds WHERE id = ?",
                        r -> r.longValue(1),
                        id)
                .orElseThrow(() -> new ResourceNotFoundException("No legal hold " + id + "."));
        return Versioned.existing(hold(id), version);
    }

    private HoldView hold(UUID id) {
        return sql.first(
                        "read a legal hold",
                        "SELECT id, target_type, target_id, reason, placed_at, lifted_at FROM legal_holds WHERE id = ?",
                        RetentionService::holdOf,
                        id)
                .orElseThrow(() -> new ResourceNotFoundException("No legal hold " + id + "."));
    }

    private static HoldView holdOf(Sql.Row r) throws java.sql.SQLException {
        return new HoldView(r.uuid(1), r.string(2), r.string(3), r.string(4), r.instant(5), r.instant(6));
    }

    private boolean exists(String type, String target) {
        if (type.equals("RECORD") && !RecordRetentionQuery.isUuid(target)) {
            return false; // records are held by their id, matched by its indexed type
        }
        String query = switch (type) {
            case "ADULT" -> "SELECT 1 FROM adults WHERE hr_id = ?";
            case "SCHOOL" -> "SELECT 1 FROM schools WHERE urn = ?";
            case "PUPIL" ->
                "SELECT 1 FROM family_declarations WHERE pupil_mis_id = ? UNION ALL"
                        + " SELECT 1 FROM concerns WHERE about_pupil_mis_id = ?";
            default ->
                "SELECT 1 FROM family_declarations WHERE id = ?::uuid UNION ALL SELECT 1 FROM concerns WHERE id = ?::uuid"
                        + " UNION ALL SELECT 1 FROM acknowledgements WHERE id = ?::uuid UNION ALL"
                        + " SELECT 1 FROM family_nil_returns WHERE id = ?::uuid UNION ALL"
                        + " SELECT 1 FROM reminder_messages WHERE id = ?::uuid UNION ALL"
                        + " SELECT 1 FROM policy_versions WHERE id = ?::uuid";
        };
        int params = (int) query.chars().filter(ch -> ch == '?').count();
        Object[] args = new Object[params];
        Arrays.fill(args, target);
        return sql.first("check a hold's target", query + " LIMIT 1", r -> true, args)
                .isPresent();
    }
}
