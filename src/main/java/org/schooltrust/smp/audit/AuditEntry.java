package org.schooltrust.smp.audit;

import java.util.List;

/**
 * One state change (or human read) to record. Carries names, never values: {@code changedFields} lists which fields
 * changed, not what they were, so the trail holds no personal data.
 */
public record AuditEntry(
        String action, String targetType, String targetId, String schoolUrn, List<String> changedFields) {

    public AuditEntry {
        changedFields = List.copyOf(changedFields);
    }

    public static AuditEntry of(String action, String targetType, String targetId, String schoolUrn) {
        return new AuditEntry(action, targetType, targetId, schoolUrn, List.of());
    }
}
