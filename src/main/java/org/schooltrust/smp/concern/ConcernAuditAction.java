package org.schooltrust.smp.concern;

import org.schooltrust.smp.audit.Action;

/** Concerns (clauses 6.24, 10.6): the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public enum ConcernAuditAction implements Action {
    RAISED("concern.raised", null),
    ACKNOWLEDGED(
            "concern.acknowledged",
            "handling inside the school; subscribers learn of a concern from concern.raised and of its end from concern.closed"),
    NOTED("concern.noted", "a note on the timeline, read only in the service"),
    ACTION_RECORDED("concern.action-recorded", "an action on the timeline, read only in the service"),
    EVIDENCE_ADDED("concern.evidence-added", "evidence is never announced outside the service"),
    CLOSED("concern.closed", null),
    READ("concern.read", "a human read (the read chain)"),
    EVIDENCE_READ("concern.evidence-read", "a human read (the read chain)");

    private final String code;
    private final String notPublishedBecause;

    ConcernAuditAction(String code, String notPublishedBecause) {
        this.code = code;
        this.notPublishedBecause = notPublishedBecause;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String notPublishedBecause() {
        return notPublishedBecause;
    }
}
