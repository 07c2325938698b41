package org.schooltrust.smp.retention;

import org.schooltrust.smp.audit.Action;

/** Retention, legal holds, disposal and subject access (records acts): the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public final class RetentionAction {

    private RetentionAction() {}

    public static final Action RULE_UPDATED = Action.notPublished(
            "retention-rule.updated",
            "a records act: only a change that lets records go sooner is announced, as retention-change.*");

    public static final Action CHANGE_PROPOSED = Action.published("retention-change.proposed");

    public static final Action CHANGE_CONFIRMED = Action.notPublished(
            "retention-change.confirmed",
            "the second trust-admin's confirmation; its effect is announced as retention-change.applied");

    public static final Action CHANGE_CANCELLED = Action.published("retention-change.cancelled");

    public static final Action CHANGE_APPLIED = Action.published("retention-change.applied");

    public static final Action HOLD_PLACED =
            Action.notPublished("legal-hold.placed", "a records act: placing a hold destroys nothing");

    public static final Action HOLD_LIFTED = Action.notPublished(
            "legal-hold.lifted", "a records act: lifting a hold goes through a retention change, which is announced");

    public static final Action DISPOSED =
            Action.notPublished("retention.disposed", "a records act, proved by its signed certificate");

    public static final Action BATCH_DISPOSED =
            Action.notPublished("retention.batch-disposed", "a records act, proved by its signed certificate");

    public static final Action SUBJECT_ACCESS_EXPORTED =
            Action.notPublished("subject-access.exported", "a records act about one person: never announced");
}
