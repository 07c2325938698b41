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
import java.util.Optional;
import java.util.UUID;
import org.schooltrust.smp.audit.Action;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.db.AdvisoryLocks;
import org.schooltrust.smp.common.db.Versions;
import org.schooltrust.smp.common.error.AccessDeniedException;
import org.schooltrust.smp.common.error.ApiException;
import org.schooltrust.smp.common.error.ConflictException;
import org.schooltrust.smp.common.error.FieldError;
import org.schooltrust.smp.common.error.IllegalTransitionException;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.error.ValidationFailedException;
import org.schooltrust.smp.common.idempotency.Idempotency;
import org.schooltrust.smp.common.records.Changed;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.common.web.ETags;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.retention.RetentionInputs.HoldInput;
import org.schooltrust.smp.retention.RetentionInputs.RuleInput;
import org.schooltrust.smp.retention.RetentionViews.ChangeView;
import org.schooltrust.smp.retention.RetentionViews.HoldView;
import org.schooltrust.smp.retention.RetentionViews.RuleView;

/** Retention rules (data the Trust sets) and legal holds, for trust-admin; every change audited. */
@ApplicationScoped
public class RetentionService {

    /** The Idempotency-Key operation of placing a hold. */
    static final String PLACE_HOLD = "legal-hold.place";

    @Inject
    Idempotency idempotency;

    @Inject
    RetentionStore store;

    @Inject
    ChangeLog changes;

    @Inject
    TimeSource time;

    @Inject
    Caller caller;

    @Inject
    AdvisoryLocks locks;

    @Inject
    DisposalJob disposal;

    @Inject
    RecordRetentionQuery records;

    /** What retention holds for one record, as the disposal job would decide it today. */
    @Transactional
    public RetentionViews.RecordRetention record(String recordClass, String id) {
        return records.of(recordClass, id);
    }

    /**
     * A disposal run now: the job commits batch by batch, each in a transaction of its own (ADR 0019), so this runs
     * outside one.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public RetentionViews.RunView dispose(boolean dryRun) {
        return disposal.run(dryRun);
    }

    /** A disposal run's certificate, a page of its entries. */
    @Transactional
    public RetentionViews.RunView certificate(java.util.UUID id, Long after, int limit) {
        return disposal.get(id, after, limit);
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public Map<RecordClass, RetentionRule> rules() {
        return store.rules();
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public List<RuleView> list() {
        return rules().values().stream().map(RuleView::of).toList();
    }

    @Transactional
    public RuleChange replace(String className, RuleInput input, String ifMatch) {
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
        if (RetentionChange.shortens(current.period(), period)) {
            // destroys records sooner: held back for a second trust-admin and the notice period (issue 24)
            return new RuleChange(
                    null, propose(RetentionChange.Kind.SHORTEN_PERIOD, recordClass, period, null, input.reason()));
        }
        Changed<RetentionRule> changed = current.withPeriod(period);
        Versions.require(store.savePeriod(recordClass, period, current.version(), time.now()), "rule");
        changes.record(new AuditEntry(
                RetentionAction.RULE_UPDATED, "retention-rule", recordClass.name(), null, changed.fields()));
        RetentionRule next =
                new RetentionRule(recordClass, period, current.basis(), current.source(), current.version() + 1);
        return new RuleChange(Versioned.existing(RuleView.of(next), next.version()), null);
    }

    /** What a rule change did: applied at once (a longer or equal period), or a pending change (a shorter one). */
    public record RuleChange(Versioned<RuleView> applied, Versioned<ChangeView> pending) {}

    // -- changes that destroy records sooner: a second trust-admin, then a notice period

    @Inject
    RetentionConfig config;

    /** The configured notice period; a field so a test can shorten it ({@link #noticePeriodForTests}). */
    java.time.Duration noticePeriod;

    @jakarta.annotation.PostConstruct
    void configure() {
        noticePeriod = config.noticePeriod();
    }

    /** Tests only: replaces the notice period, returning the previous one. */
    java.time.Duration noticePeriodForTests(java.time.Duration value) {
        java.time.Duration previous = noticePeriod;
        noticePeriod = value;
        return previous;
    }

    private Versioned<ChangeView> propose(
            RetentionChange.Kind kind, RecordClass recordClass, Period period, UUID holdId, String reason) {
        if (store.openChange(recordClass == null ? null : recordClass.name(), holdId)
                .isPresent()) {
            throw new ConflictException("A change of this " + (holdId == null ? "rule" : "hold")
                    + " is already pending; confirm or cancel it first (GET /api/v1/retention-changes).");
        }
        Instant now = time.now();
        RetentionChange change = new RetentionChange(
                UUID.randomUUID(),
                kind,
                recordClass,
                period,
                holdId,
                reason == null ? "" : reason.strip(),
                caller.subject(),
                now,
                now.plus(noticePeriod),
                null,
                null,
                null,
                null,
                null,
                1);
        store.insertChange(change);
        // told at every open school, so each Head and DSL hears of it while it can still be stopped
        changes.record(changeEntry(RetentionAction.CHANGE_PROPOSED, change).atSchools(store.openSchools()));
        return Versioned.created(ChangeView.of(change), 1L);
    }

    private static AuditEntry changeEntry(Action action, RetentionChange change) {
        java.util.Map<String, String> refs = new java.util.HashMap<>();
        refs.put("kind", change.kind().name());
        if (change.recordClass() != null) {
            refs.put("recordClass", change.recordClass().name());
        }
        refs.put("effectiveAt", change.effectiveAt().toString());
        return new AuditEntry(action, "retention-change", change.id().toString(), null, List.of("status"))
                .withRefs(refs);
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public List<ChangeView> changes() {
        return store.changes().stream().map(ChangeView::of).toList();
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public Versioned<ChangeView> change(UUID id) {
        RetentionChange change =
                store.change(id).orElseThrow(() -> new ResourceNotFoundException("No retention change " + id + "."));
        return Versioned.existing(ChangeView.of(change), change.version());
    }

    /** Confirms it as a second trust-admin; applied at once if its notice period has already passed. */
    @Transactional
    public Versioned<ChangeView> confirm(UUID id, String ifMatch) {
        RetentionChange change =
                store.change(id).orElseThrow(() -> new ResourceNotFoundException("No retention change " + id + "."));
        ETags.checkRequired(ifMatch, change.version());
        String refused = change.confirmationRefused(caller.subject());
        if (refused != null) {
            if (change.status() != RetentionChange.Status.AWAITING_CONFIRMATION) {
                throw new IllegalTransitionException(refused);
            }
            throw new AccessDeniedException(refused);
        }
        Instant now = time.now();
        Versions.require(store.confirmChange(id, change.version(), caller.subject(), now), "pending change");
        changes.record(changeEntry(RetentionAction.CHANGE_CONFIRMED, change));
        applyDue();
        return change(id);
    }

    @Transactional
    public Versioned<ChangeView> cancel(UUID id, String ifMatch) {
        RetentionChange change =
                store.change(id).orElseThrow(() -> new ResourceNotFoundException("No retention change " + id + "."));
        ETags.checkRequired(ifMatch, change.version());
        if (change.status() == RetentionChange.Status.APPLIED || change.status() == RetentionChange.Status.CANCELLED) {
            throw new IllegalTransitionException(
                    "This change is already " + change.status().name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        Versions.require(store.cancelChange(id, change.version(), caller.subject(), time.now()), "pending change");
        changes.record(changeEntry(RetentionAction.CHANGE_CANCELLED, change).atSchools(store.openSchools()));
        return change(id);
    }

    /** Applies every confirmed change past its notice period; returns how many. Run before each disposal run. */
    @Transactional
    public int applyDue() {
        Instant now = time.now();
        int applied = 0;
        for (RetentionChange change : store.dueChanges(now)) {
            if (change.kind() == RetentionChange.Kind.SHORTEN_PERIOD) {
                RetentionRule current = store.rules().get(change.recordClass());
                Versions.require(
                        store.savePeriod(change.recordClass(), change.period(), current.version(), now), "rule");
                changes.record(new AuditEntry(
                        RetentionAction.RULE_UPDATED,
                        "retention-rule",
                        change.recordClass().name(),
                        null,
                        List.of("period")));
            } else {
                Versioned<LegalHold> hold = hold(change.holdId());
                if (!hold.body().lifted()) {
                    store.liftHold(change.holdId(), hold.version(), change.confirmedBy(), now);
                    changes.record(new AuditEntry(
                            RetentionAction.HOLD_LIFTED,
                            "legal-hold",
                            change.holdId().toString(),
                            null,
                            List.of("liftedAt")));
                }
            }
            store.markApplied(change.id(), now);
            changes.record(changeEntry(RetentionAction.CHANGE_APPLIED, change).atSchools(store.openSchools()));
            applied++;
        }
        return applied;
    }

    // -- legal holds

    @Transactional
    public Versioned<HoldView> place(HoldInput input, String idempotencyKey) {
        Optional<Idempotency.Replay> earlier =
                idempotency.claim(PLACE_HOLD, idempotencyKey, Idempotency.fingerprint(input));
        if (earlier.isPresent()) {
            Versioned<LegalHold> first = hold(earlier.get().uuid());
            return Versioned.created(HoldView.of(first.body()), first.version());
        }
        // a disposal batch holds this lock from choosing its records to deleting them: a hold placed meanwhile waits
        // for the batch, so the batch can never delete what the hold now covers (issue 24)
        locks.lock(AdvisoryLocks.Lock.DISPOSAL);
        HoldTarget kind = HoldTarget.valueOf(input.targetType());
        String type = kind.name();
        String stripped = input.targetId().strip();
        // a record's id in its one written form (lower case), as the disposal job compares it with each row's id
        String target = kind == HoldTarget.RECORD && RecordRetentionQuery.isUuid(stripped)
                ? UUID.fromString(stripped).toString()
                : stripped;
        String reason = input.reason().strip();
        if (!store.targetExists(kind, target)) {
            throw ValidationFailedException.of(
                    "targetId", "names no " + type.toLowerCase(java.util.Locale.ROOT) + " the service holds");
        }
        UUID id = UUID.randomUUID();
        Instant now = time.now();
        LegalHold hold = LegalHold.place(id, kind, target, reason, now);
        store.insertHold(hold, caller.subject());
        idempotency.created(PLACE_HOLD, idempotencyKey, id);
        changes.record(new AuditEntry(
                RetentionAction.HOLD_PLACED, "legal-hold", id.toString(), null, List.of("targetType", "targetId")));
        return Versioned.created(HoldView.of(hold), 1L);
    }

    /** Proposes lifting it: a pending change, applied once a second trust-admin confirms and the notice passes. */
    @Transactional
    public Versioned<ChangeView> lift(UUID id, String ifMatch) {
        Versioned<LegalHold> hold = hold(id);
        ETags.checkRequired(ifMatch, hold.version());
        if (hold.body().lifted()) {
            throw new IllegalTransitionException("This hold is already lifted.");
        }
        return propose(RetentionChange.Kind.LIFT_HOLD, null, null, id, null);
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public List<HoldView> holds() {
        return store.holds().stream().map(HoldView::of).toList();
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public Versioned<HoldView> get(UUID id) {
        return hold(id).map(HoldView::of);
    }

    private Versioned<LegalHold> hold(UUID id) {
        return store.hold(id).orElseThrow(() -> new ResourceNotFoundException("No legal hold " + id + "."));
    }
}
