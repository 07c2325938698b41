package org.schooltrust.smp.acknowledgement;

import org.schooltrust.smp.audit.Action;

/** An adult acknowledging a policy: the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public enum AcknowledgementAction implements Action {
    CREATED("acknowledgement.created", null);

    private final String code;
    private final String notPublishedBecause;

    AcknowledgementAction(String code, String notPublishedBecause) {
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
