package org.schooltrust.smp.acknowledgement;

import org.schooltrust.smp.audit.Action;

/** An adult acknowledging a policy: the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public final class AcknowledgementAction {

    private AcknowledgementAction() {}

    public static final Action CREATED = Action.published("acknowledgement.created");
}
