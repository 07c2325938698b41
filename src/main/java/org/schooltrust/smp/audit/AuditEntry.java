package org.schooltrust.smp.audit;

import java.util.List;
import java.util.Map;

/**
 * One state change (or human read) to record, naming a feature's {@link Action}. Carries names, never values: {@code changedFields} lists which fields
 * changed, not what they were, so the trail holds no personal data.
 */
public record AuditEntry(
        String action,
        String targetType,
        String targetId,
        String schoolUrn,
        List<String> changedFields,
        Map<String, String> refs) {

    public AuditEntry {
        changedFields = List.copyOf(changedFields);
        refs = Map.copyOf(refs);
    }

    /** An entry for a feature's {@link Action}; the canonical constructor is for the audit package's reads only. */
    public AuditEntry(Action action, String targetType, String targetId, String schoolUrn, List<String> changedFields) {
        this(action.code(), targetType, targetId, schoolUrn, changedFields, Map.of());
    }

    /**
     * The same change with identifiers its event may carry beyond the target's own id (e.g. a family link's staff HR
     * id and pupil MIS id). Never names, notes or reasons: these reach webhook subscribers.
     */
    public AuditEntry withRefs(Map<String, String> refs) {
        return new AuditEntry(action, targetType, targetId, schoolUrn, changedFields, refs);
    }

    /** The ref naming the schools a change's events are published at, when not only the entry's own school. */
    public static final String EVENT_SCHOOLS = "eventSchools";

    /**
     * The same entry, its events published once at each of {@code schools} (none: once, with no school): a change to
     * an adult concerns every school they work at or just left (issue 25).
     */
    public AuditEntry atSchools(java.util.Collection<String> schools) {
        Map<String, String> all = new java.util.HashMap<>(refs);
        all.put(EVENT_SCHOOLS, String.join(",", new java.util.TreeSet<>(schools)));
        return withRefs(all);
    }

    /** The schools the entry's events are published at. */
    public List<String> eventSchools() {
        String listed = refs.get(EVENT_SCHOOLS);
        if (listed == null) {
            return java.util.Collections.singletonList(schoolUrn);
        }
        return listed.isEmpty() ? java.util.Collections.singletonList(null) : List.of(listed.split(","));
    }

    public static AuditEntry of(Action action, String targetType, String targetId, String schoolUrn) {
        return new AuditEntry(action, targetType, targetId, schoolUrn, List.of());
    }
}
