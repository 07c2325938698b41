package org.schooltrust.smp.audit;

import java.util.List;
import java.util.Map;

/**
 * One state change (or human read) to record. Carries names, never values: {@code changedFields} lists which fields
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

    public AuditEntry(String action, String targetType, String targetId, String schoolUrn, List<String> changedFields) {
        this(action, targetType, targetId, schoolUrn, changedFields, Map.of());
    }

    /**
     * The same change with identifiers its event may carry beyond the target's own id (e.g. a family link's staff HR
     * id and pupil MIS id). Never names, notes or reasons: these reach webhook subscribers.
     */
    public AuditEntry withRefs(Map<String, String> refs) {
        return new AuditEntry(action, targetType, targetId, schoolUrn, changedFields, refs);
    }

    public static AuditEntry of(String action, String targetType, String targetId, String schoolUrn) {
        return new AuditEntry(action, targetType, targetId, schoolUrn, List.of());
    }
}
