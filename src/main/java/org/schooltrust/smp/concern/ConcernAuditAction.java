package org.schooltrust.smp.concern;

import org.schooltrust.smp.audit.Action;

/** Concerns (clauses 6.24, 10.6): the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public final class ConcernAuditAction {

    private ConcernAuditAction() {}

    public static final Action RAISED = Action.published("concern.raised");

    public static final Action ACKNOWLEDGED = Action.notPublished(
            "concern.acknowledged",
            "handling inside the school; subscribers learn of a concern from concern.raised and of its end from concern.closed");

    public static final Action NOTED =
            Action.notPublished("concern.noted", "a note on the timeline, read only in the service");

    public static final Action ACTION_RECORDED =
            Action.notPublished("concern.action-recorded", "an action on the timeline, read only in the service");

    public static final Action EVIDENCE_ADDED =
            Action.notPublished("concern.evidence-added", "evidence is never announced outside the service");

    public static final Action CLOSED = Action.published("concern.closed");

    public static final Action READ = Action.notPublished("concern.read", "a human read (the read chain)");

    public static final Action EVIDENCE_READ =
            Action.notPublished("concern.evidence-read", "a human read (the read chain)");
}
