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

    /**
     * Per class: basis date (null while the record is not yet running towards disposal), the adults and schools whose
     * hold covers it, and its pupil — the same conditions the disposal job applies.
     */
    private static String query(RecordClass c) {
        return switch (c) {
            case POLICY_VERSION ->
                // a version still acknowledged, or the basis of another, is kept (as the job keeps it)
                "SELECT CASE WHEN v.status IN ('SUPERSEDED', 'RETIRED')"
                        + " AND NOT EXISTS (SELECT 1 FROM acknowledgements k WHERE k.version_id = v.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM policy_versions o WHERE o.basis_id = v.id AND o.id <> v.id)"
                        + " THEN v.ended_at END, ARRAY[]::uuid[], ARRAY[]::text[], NULL::text"
                        + " FROM policy_versions v WHERE v.id = ?::uuid";
            case ACKNOWLEDGEMENT ->
                "SELECT CASE WHEN NOT a.active THEN a.updated_at END, ARRAY[k.adult_id], ARRAY[k.school_urn],"
                        + " NULL::text FROM acknowledgements k JOIN adults a ON a.id = k.adult_id WHERE k.id = ?::uuid";
            case NIL_RETURN ->
                "SELECT CASE WHEN NOT a.active THEN a.updated_at END, ARRAY[n.adult_id], ARRAY[n.school_urn],"
                        + " NULL::text FROM family_nil_returns n JOIN adults a ON a.id = n.adult_id WHERE n.id = ?::uuid";
            case FAMILY_DECLARATION ->
                "SELECT CASE WHEN status IN ('ENDED', 'WITHDRAWN', 'DECLINED') THEN coalesce(ended_at, updated_at) END,"
                        + " ARRAY[adult_id], ARRAY[school_urn], pupil_mis_id FROM family_declarations WHERE id = ?::uuid";
            case DECLARATION_PUPIL_NAME ->
                "SELECT CASE WHEN status = 'ENDED' THEN ended_at END, ARRAY[adult_id], ARRAY[school_urn], pupil_mis_id"
                        + " FROM family_declarations WHERE id = ?::uuid";
            case CONCERN ->
                // the adult it is about and the schools handling it hold it as well as its reporter and school
                "SELECT closed_at, array_remove(ARRAY[reporter_adult_id, about_adult_id], NULL),"
                        + " array_append(handling_schools, school_urn), about_pupil_mis_id FROM concerns"
                        + " WHERE id = ?::uuid AND category NOT IN ('INDECENT_IMAGES', 'RADICALISATION')";
            case CONCERN_CHILD_PROTECTION ->
                "SELECT closed_at, array_remove(ARRAY[reporter_adult_id, about_adult_id], NULL),"
                        + " array_append(handling_schools, school_urn), about_pupil_mis_id FROM concerns"
                        + " WHERE id = ?::uuid AND category IN ('INDECENT_IMAGES', 'RADICALISATION')";
            case REMINDER ->
                "SELECT created_at, ARRAY[recipient_adult_id], ARRAY[school_urn], NULL::text FROM reminder_messages"
                        + " WHERE id = ?::uuid";
            case AUDIT_EVENT ->
                // held by a hold on its school, or on the adult it is about
                "SELECT e.occurred_at, ARRAY(SELECT a.id FROM adults a WHERE e.target_type = 'adult'"
                        + " AND a.hr_id = e.target_id), array_remove(ARRAY[e.school_urn], NULL), NULL::text"
                        + " FROM audit_events e WHERE e.id = ?::bigint";
            case WEBHOOK_DELIVERY ->
                "SELECT CASE WHEN status <> 'PENDING' THEN updated_at END, ARRAY[]::uuid[],"
                        + " array_remove(ARRAY[school_urn], NULL), NULL::text FROM webhook_deliveries"
                        + " WHERE id = ?::uuid";
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
                        r -> new Object[] {
                            r.instant(1),
                            r.uuids(2).toArray(java.util.UUID[]::new),
                            r.strings(3).toArray(String[]::new),
                            r.string(4)
                        },
                        id)
                .orElseThrow(() -> new ResourceNotFoundException("No " + c + " record " + id + "."));
        boolean held = sql.first(
                        "check legal holds on a record",
                        "SELECT 1 FROM legal_holds h WHERE h.lifted_at IS NULL AND ((h.target_type = 'RECORD'"
                                + " AND h.target_id = ?) OR (h.target_type = 'SCHOOL' AND h.target_id = ANY(?))"
                                + " OR (h.target_type = 'PUPIL' AND h.target_id = ?) OR (h.target_type = 'ADULT'"
                                + " AND h.target_id IN (SELECT hr_id FROM adults WHERE id = ANY(?)))) LIMIT 1",
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
