package org.schooltrust.smp.audit;

/** The audit trail's own acts: the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public final class AuditAction {

    private AuditAction() {}

    public static final Action CHECKPOINTED = Action.published("audit.checkpointed");
}
