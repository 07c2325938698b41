package org.schooltrust.smp.audit;

/** The audit trail's own acts: the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public enum AuditAction implements Action {
    CHECKPOINTED("audit.checkpointed", null);

    private final String code;
    private final String notPublishedBecause;

    AuditAction(String code, String notPublishedBecause) {
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
