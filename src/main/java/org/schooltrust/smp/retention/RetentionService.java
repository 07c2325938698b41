package org.schooltrust.smp.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.audit.AuditLog;
import org.schooltrust.smp.common.db.AdvisoryLocks;
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
    RetentionStore store;

    @Inject
    AuditLog audit;

    @Inject
    TimeSource time;

    @Inject
    Caller caller;

    @Inject
    AdvisoryLocks locks;

    public Map<RecordClass, RetentionRule> rules() {
        return store.rules();
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
        RetentionRule.belowFloor(recordClass, period).ifPresent(errors::add);
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
        if (!store.savePeriod(recordClass, period, current.version(), time.now())) {
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
        // a disposal batch holds this lock from choosing its records to deleting them: a hold placed meanwhile waits
        // for the batch, so the batch can never delete what the hold now covers (issue 24)
        locks.lock(AdvisoryLocks.Lock.DISPOSAL);
        String type = input.targetType();
        String stripped = input.targetId().strip();
        // a record's id in its one written form (lower case), as the disposal job compares it with each row's id
        String target = type.equals("RECORD") && RecordRetentionQuery.isUuid(stripped)
                ? UUID.fromString(stripped).toString()
                : stripped;
        String reason = input.reason().strip();
        if (!store.targetExists(type, target)) {
            throw ValidationFailedException.of(
                    "targetId", "names no " + type.toLowerCase(java.util.Locale.ROOT) + " the service holds");
        }
        UUID id = UUID.randomUUID();
        Instant now = time.now();
        HoldView hold = new HoldView(id, type, target, reason, now, null);
        store.insertHold(hold, caller.subject());
        audit.record(new AuditEntry(
                "legal-hold.placed", "legal-hold", id.toString(), null, List.of("targetType", "targetId")));
        return Versioned.created(hold, 1L);
    }

    @Transactional
    public Versioned<HoldView> lift(UUID id, String ifMatch) {
        Versioned<HoldView> hold = get(id);
        ETags.checkRequired(ifMatch, hold.version());
        if (hold.body().liftedAt() != null) {
            throw new IllegalTransitionException("This hold is already lifted.");
        }
        if (!store.liftHold(id, hold.version(), caller.subject(), time.now())) {
            throw new PreconditionFailedException("The hold changed meanwhile; read it again and retry.");
        }
        audit.record(new AuditEntry("legal-hold.lifted", "legal-hold", id.toString(), null, List.of("liftedAt")));
        return get(id);
    }

    public List<HoldView> holds() {
        return store.holds();
    }

    public Versioned<HoldView> get(UUID id) {
        return store.hold(id).orElseThrow(() -> new ResourceNotFoundException("No legal hold " + id + "."));
    }
}
