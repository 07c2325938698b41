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

    /** Per class: basis date, adult, school, pupil of one record by id. */
    private static String query(RecordClass c) {
        return switch (c) {
            case POLICY_VERSION ->
                "SELECT ended_at, NULL::uuid, NULL::text, NULL::text FROM policy_versions WHERE id = ?::uuid";
            case ACKNOWLEDGEMENT ->
                "SELECT CASE WHEN NOT a.active THEN a.updated_at END, k.adult_id, k.school_urn, NULL::text"
                        + " FROM acknowledgements k JOIN adults a ON a.id = k.adult_id WHERE k.id = ?::uuid";
            case NIL_RETURN ->
                "SELECT CASE WHEN NOT a.active THEN a.updated_at END, n.adult_id, n.school_urn, NULL::text"
                        + " FROM family_nil_returns n JOIN adults a ON a.id = n.adult_id WHERE n.id = ?::uuid";
            case FAMILY_DECLARATION ->
                "SELECT CASE WHEN status IN ('ENDED', 'WITHDRAWN', 'DECLINED') THEN coalesce(ended_at, updated_at) END,"
                        + " adult_id, school_urn, pupil_mis_id FROM family_declarations WHERE id = ?::uuid";
            case DECLARATION_PUPIL_NAME ->
                "SELECT CASE WHEN status = 'ENDED' THEN ended_at END, adult_id, school_urn, pupil_mis_id"
                        + " FROM family_declarations WHERE id = ?::uuid";
            case CONCERN ->
                "SELECT closed_at, reporter_adult_id, school_urn, about_pupil_mis_id FROM concerns WHERE id = ?::uuid"
                        + " AND category NOT IN ('INDECENT_IMAGES', 'RADICALISATION')";
            case CONCERN_CHILD_PROTECTION ->
                "SELECT closed_at, reporter_adult_id, school_urn, about_pupil_mis_id FROM concerns WHERE id = ?::uuid"
                        + " AND category IN ('INDECENT_IMAGES', 'RADICALISATION')";
            case REMINDER ->
                "SELECT created_at, recipient_adult_id, school_urn, NULL::text FROM reminder_messages WHERE id = ?::uuid";
            case AUDIT_EVENT ->
                "SELECT occurred_at, NULL::uuid, school_urn, NULL::text FROM audit_events WHERE id = ?::bigint";
        };
    }

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
        Object[] row = sql.first(
                        "read a record's retention basis",
                        query(c),
                        r -> new Object[] {r.instant(1), r.uuid(2), r.string(3), r.string(4)},
                        id)
                .orElseThrow(() -> new ResourceNotFoundException("No " + c + " record " + id + "."));
        boolean held = sql.first(
                        "check legal holds on a record",
                        "SELECT 1 FROM legal_holds h WHERE h.lifted_at IS NULL AND ((h.target_type = 'RECORD'"
                                + " AND h.target_id = ?) OR (h.target_type = 'SCHOOL' AND h.target_id = ?)"
                                + " OR (h.target_type = 'PUPIL' AND h.target_id = ?) OR (h.target_type = 'ADULT'"
                                + " AND h.target_id = (SELECT hr_id FROM adults WHERE id = ?))) LIMIT 1",
                        r -> true,
                        id,
                        row[2],
                        row[3],
                        row[1])
                .isPresent();
        RetentionRule rule = rules.rules().get(c);
        Instant basis = (Instant) row[0];
        LocalDate basisDay = basis == null ? null : LocalDate.ofInstant(basis, ZoneOffset.UTC);
        return new RecordRetention(
                c, id, rule.period().toString(), basisDay, basisDay == null ? null : rule.disposalDate(basisDay), held);
    }
}
