package org.schooltrust.smp.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.Period;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.common.web.Versioned;

/** The retention tables (migration V13): rules and legal holds, through {@link Sql}. */
@ApplicationScoped
class RetentionStore {

    private static final String HOLD =
            "SELECT id, target_type, target_id, reason, placed_at, lifted_at, version" + " FROM legal_holds";

    @Inject
    Sql sql;

    @Inject
    RecordRules records;

    Map<RecordClass, RetentionRule> rules() {
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

    /** Sets a class's period if the rule's version is still {@code expected}; false when it moved on. */
    boolean savePeriod(RecordClass recordClass, Period period, long expected, Instant now) {
        return sql.update(
                        "replace a retention rule",
                        "UPDATE retention_rules SET period = ?, version = version + 1, updated_at = ?"
                                + " WHERE record_class = ? AND version = ?",
                        period.toString(),
                        now,
                        recordClass,
                        expected)
                == 1;
    }

    void insertHold(LegalHold hold, String placedBy) {
        sql.update(
                "place a legal hold",
                "INSERT INTO legal_holds (id, target_type, target_id, reason, placed_by, placed_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 1)",
                hold.id(),
                hold.targetType(),
                hold.targetId(),
                hold.reason(),
                placedBy,
                hold.placedAt());
    }

    /** Lifts it if its version is still {@code expected}; false when someone changed it first. */
    boolean liftHold(UUID id, long expected, String by, Instant now) {
        return sql.update(
                        "lift a legal hold",
                        "UPDATE legal_holds SET lifted_at = ?, lifted_by = ?, version = version + 1"
                                + " WHERE id = ? AND version = ?",
                        now,
                        by,
                        id,
                        expected)
                == 1;
    }

    List<LegalHold> holds() {
        return sql.list(
                "list legal holds",
                HOLD + " ORDER BY placed_at, id",
                r -> holdOf(r).body());
    }

    Optional<Versioned<LegalHold>> hold(UUID id) {
        return sql.first("read a legal hold", HOLD + " WHERE id = ?", RetentionStore::holdOf, id);
    }

    private static Versioned<LegalHold> holdOf(Sql.Row r) throws java.sql.SQLException {
        return Versioned.existing(
                new LegalHold(
                        r.uuid(1),
                        HoldTarget.valueOf(r.string(2)),
                        r.string(3),
                        r.string(4),
                        r.instant(5),
                        r.instant(6)),
                r.longValue(7));
    }

    /** Whether a hold's target names something the service holds (records by their id, matched as a uuid). */
    boolean targetExists(HoldTarget type, String target) {
        if (type == HoldTarget.RECORD && !RecordRetentionQuery.isUuid(target)) {
            return false;
        }
        String query = switch (type) {
            case ADULT -> "SELECT 1 FROM adults WHERE hr_id = ?";
            case SCHOOL -> "SELECT 1 FROM schools WHERE urn = ?";
            case PUPIL ->
                "SELECT 1 FROM family_declarations WHERE pupil_mis_id = ? UNION ALL"
                        + " SELECT 1 FROM concerns WHERE about_pupil_mis_id = ?";
            // a record of any class the features declare (RecordRules)
            case RECORD -> records.anyRecord();
        };
        Object[] args = new Object[(int) query.chars().filter(ch -> ch == '?').count()];
        Arrays.fill(args, target);
        return sql.first("check a hold's target", query + " LIMIT 1", r -> true, args)
                .isPresent();
    }

    // -- pending changes (V25)

    private static final String CHANGE = "SELECT id, kind, record_class, period, hold_id, reason, proposed_by,"
            + " proposed_at, effective_at, confirmed_by, confirmed_at, cancelled_by, cancelled_at, applied_at, version"
            + " FROM retention_changes";

    private static RetentionChange change(Sql.Row r) throws java.sql.SQLException {
        return new RetentionChange(
                r.uuid(1),
                r.enumValue(2, RetentionChange.Kind.class),
                r.string(3) == null ? null : RecordClass.valueOf(r.string(3)),
                r.string(4) == null ? null : Period.parse(r.string(4)),
                r.uuid(5),
                r.string(6),
                r.string(7),
                r.instant(8),
                r.instant(9),
                r.string(10),
                r.instant(11),
                r.string(12),
                r.instant(13),
                r.instant(14),
                r.longValue(15));
    }

    void insertChange(RetentionChange c) {
        sql.update(
                "propose a retention change",
                "INSERT INTO retention_changes (id, kind, record_class, period, hold_id, reason, proposed_by,"
                        + " proposed_at, effective_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                c.id(),
                c.kind(),
                c.recordClass() == null ? null : c.recordClass().name(),
                c.period() == null ? null : c.period().toString(),
                c.holdId(),
                c.reason(),
                c.proposedBy(),
                c.proposedAt(),
                c.effectiveAt());
    }

    Optional<RetentionChange> change(UUID id) {
        return sql.first("read a retention change", CHANGE + " WHERE id = ?", RetentionStore::change, id);
    }

    /** The open (not applied, not cancelled) change of a rule or a hold, if any. */
    Optional<RetentionChange> openChange(String recordClass, UUID holdId) {
        return sql.first(
                "read the open retention change of a rule or hold",
                CHANGE + " WHERE applied_at IS NULL AND cancelled_at IS NULL AND (record_class = ? OR hold_id = ?)",
                RetentionStore::change,
                recordClass,
                holdId);
    }

    List<RetentionChange> changes() {
        return sql.list("list retention changes", CHANGE + " ORDER BY proposed_at, id", RetentionStore::change);
    }

    /** Confirmed changes past their notice period, not yet applied. */
    List<RetentionChange> dueChanges(Instant now) {
        return sql.list(
                "read retention changes due",
                CHANGE + " WHERE applied_at IS NULL AND cancelled_at IS NULL AND confirmed_at IS NOT NULL"
                        + " AND effective_at <= ? ORDER BY effective_at FOR UPDATE",
                RetentionStore::change,
                now);
    }

    boolean confirmChange(UUID id, long expected, String by, Instant now) {
        return sql.update(
                        "confirm a retention change",
                        "UPDATE retention_changes SET confirmed_by = ?, confirmed_at = ?, version = version + 1"
                                + " WHERE id = ? AND version = ? AND confirmed_at IS NULL AND cancelled_at IS NULL",
                        by,
                        now,
                        id,
                        expected)
                == 1;
    }

    boolean cancelChange(UUID id, long expected, String by, Instant now) {
        return sql.update(
                        "cancel a retention change",
                        "UPDATE retention_changes SET cancelled_by = ?, cancelled_at = ?, version = version + 1"
                                + " WHERE id = ? AND version = ? AND applied_at IS NULL AND cancelled_at IS NULL",
                        by,
                        now,
                        id,
                        expected)
                == 1;
    }

    void markApplied(UUID id, Instant now) {
        sql.update(
                "apply a retention change",
                "UPDATE retention_changes SET applied_at = ?, version = version + 1 WHERE id = ?",
                now,
                id);
    }

    /** Every open school: where a pending change is announced. */
    List<String> openSchools() {
        return sql.list(
                "list open schools", "SELECT urn FROM schools WHERE status = 'OPEN' ORDER BY urn", r -> r.string(1));
    }
}
