package org.schooltrust.smp.declaration;

import org.schooltrust.smp.audit.Action;

/** Family declarations (clauses 6.7-6.9): the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public final class DeclarationAction {

    private DeclarationAction() {}

    public static final Action SUBMITTED = Action.published("family-declaration.submitted");

    public static final Action ACKNOWLEDGED = Action.published("family-declaration.acknowledged");

    public static final Action DECLINED = Action.published("family-declaration.declined");

    public static final Action INFO_REQUESTED = Action.published("family-declaration.info-requested");

    public static final Action ANSWERED = Action.published("family-declaration.answered");

    public static final Action WITHDRAWN = Action.published("family-declaration.withdrawn");

    public static final Action RECONFIRMED = Action.published("family-declaration.reconfirmed");

    public static final Action ENDED = Action.published("family-declaration.ended");

    public static final Action NIL_RETURN = Action.published("family-declaration.nil-return");

    public static final Action READ = Action.notPublished("family-declaration.read", "a human read (the read chain)");
}
