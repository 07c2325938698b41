package org.schooltrust.smp.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.error.ValidationFailedException;
import org.schooltrust.smp.retention.RetentionViews.RecordRetention;

/** One record's computed disposal date under its class's rule, and whether a legal hold covers it. */
@ApplicationScoped
class RecordRetentionQuery {

    @Inject
    Sql sql;

    @Inject
    RetentionService rules;

    @Inject
    RecordRules records;

    static boolean isUuid(String id) {
        try {
            return java.util.UUID.fromString(id).toString().equalsIgnoreCase(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    RecordRetention of(String className, String id) {
        RecordClass c = Arrays.stream(RecordClass.values())
                .filter(r -> r.name().equals(className))
                .findFirst()
                .orElseThrow(() -> ValidationFailedException.of(
                        "recordClass", "must be one of " + Arrays.toString(RecordClass.values())));
        // ids are matched as their indexed type; anything that cannot be one names no record
        boolean wellFormed = c == RecordClass.AUDIT_EVENT ? id.matches("\\d{1,18}") : isUuid(id);
        if (!wellFormed) {
            throw new ResourceNotFoundException("No " + c + " record " + id + ".");
        }
        // the feature's one definition of the class, as the disposal job reads it (RecordRules)
        Object[] row = sql.first(
                        "read a record's retention basis",
                        RecordRules.record(records.of(c), c == RecordClass.AUDIT_EVENT ? "bigint" : "uuid"),
                        r -> new Object[] {r.instant(1), r.bool(2)},
                        id)
                .orElseThrow(() -> new ResourceNotFoundException("No " + c + " record " + id + "."));
        boolean held = (Boolean) row[1];
        RetentionRule rule = rules.rules().get(c);
        Instant basis = (Instant) row[0];
        LocalDate basisDay = basis == null ? null : LocalDate.ofInstant(basis, ZoneOffset.UTC);
        return new RecordRetention(
                c, id, rule.period().toString(), basisDay, basisDay == null ? null : rule.disposalDate(basisDay), held);
    }
}
