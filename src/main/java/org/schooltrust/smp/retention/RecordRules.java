package org.schooltrust.smp.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import org.schooltrust.smp.common.records.PersonalData;
import org.schooltrust.smp.common.records.PersonalData.Disposal;

/**
 * Each record class's rule, written once by the feature that holds the records ({@link PersonalData#disposals()}),
 * and the SQL the disposal job, the per-record retention read and the legal-hold targets are built from (issue 24):
 * what is due, what a hold keeps, and one record's basis date can never disagree.
 */
@ApplicationScoped
class RecordRules {

    private static final String ROW_HASH = "encode(sha256(convert_to(row_to_json(%s)::text, 'UTF8')), 'hex')";

    @Inject
    Instance<PersonalData> features;

    private volatile Map<RecordClass, Disposal> rules;

    /** Every class's rule; each class has exactly one. */
    Map<RecordClass, Disposal> all() {
        if (rules == null) {
            Map<RecordClass, Disposal> found = new EnumMap<>(RecordClass.class);
            for (PersonalData feature : features) {
                for (Disposal disposal : feature.disposals()) {
                    if (found.put(RecordClass.valueOf(disposal.recordClass()), disposal) != null) {
                        throw new IllegalStateException(disposal.recordClass() + " is declared twice");
                    }
                }
            }
            for (RecordClass c : RecordClass.values()) {
                if (!found.containsKey(c)) {
                    throw new IllegalStateException(c + " is declared by no feature");
                }
            }
            rules = found;
        }
        return rules;
    }

    Disposal of(RecordClass recordClass) {
        return all().get(recordClass);
    }

    /** True when a standing hold on the record, its school(s), its pupil or its adult(s) keeps the row. */
    static String held(Disposal d) {
        return "EXISTS (SELECT 1 FROM legal_holds h WHERE h.lifted_at IS NULL AND ("
                + "(h.target_type = 'RECORD' AND h.target_id = (" + d.id() + ")::text)"
                + " OR (h.target_type = 'SCHOOL' AND h.target_id = ANY(" + d.schools() + "))"
                + " OR (h.target_type = 'PUPIL' AND h.target_id = " + d.pupil() + ")"
                + " OR (h.target_type = 'ADULT' AND h.target_id IN (SELECT x.hr_id FROM adults x"
                + " WHERE x.id = ANY(" + d.adults() + ")))))";
    }

    /** The rows due before the cutoff parameter and under no hold: id and the SHA-256 of the whole row. */
    static String candidates(Disposal d) {
        String alias = d.id().substring(0, d.id().indexOf('.'));
        return "SELECT (" + d.id() + ")::text, " + ROW_HASH.formatted(alias) + " FROM " + d.from() + " WHERE "
                + d.member() + " AND (" + d.basis() + ") < ? AND NOT " + held(d);
    }

    /** Whether any record of a class (but audit events, which have numeric ids) has the uuid parameter(s) as its id. */
    String anyRecord() {
        return all().entrySet().stream()
                .filter(e -> e.getKey() != RecordClass.AUDIT_EVENT)
                .map(e -> "SELECT 1 FROM " + e.getValue().from() + " WHERE "
                        + e.getValue().id() + " = ?::uuid")
                .distinct()
                .collect(java.util.stream.Collectors.joining(" UNION ALL "));
    }

    /** One record by id: basis, and whether a hold keeps it. */
    static String record(Disposal d, String idType) {
        return "SELECT (" + d.basis() + "), " + held(d) + " FROM " + d.from() + " WHERE " + d.id() + " = ?::" + idType
                + " AND " + d.member();
    }
}
