package org.schooltrust.smp.retention;

import org.schooltrust.smp.audit.Action;

/** Retention, legal holds, disposal and subject access (records acts): the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public enum RetentionAction implements Action {
    RULE_UPDATED(
            "retention-rule.updated",
            "a records act: only a change that lets records go sooner is announced, as retention-change.*"),
    CHANGE_PROPOSED("retention-change.proposed", null),
    CHANGE_CONFIRMED(
            "retention-change.confirmed",
            "the second trust-admin's confirmation; its effect is announced as retention-change.applied"),
    CHANGE_CANCELLED("retention-change.cancelled", null),
    CHANGE_APPLIED("retention-change.applied", null),
    HOLD_PLACED("legal-hold.placed", "a records act: placing a hold destroys nothing"),
    HOLD_LIFTED(
            "legal-hold.lifted", "a records act: lifting a hold goes through a retention change, which is announced"),
    DISPOSED("retention.disposed", "a records act, proved by its signed certificate"),
    BATCH_DISPOSED("retention.batch-disposed", "a records act, proved by its signed certificate"),
    SUBJECT_ACCESS_EXPORTED("subject-access.exported", "a records act about one person: never announced");

    private final String code;
    private final String notPublishedBecause;

    RetentionAction(String code, String notPublishedBecause) {
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
