package org.schooltrust.smp.declaration;

import org.schooltrust.smp.audit.Action;

/** Family declarations (clauses 6.7-6.9): the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public enum DeclarationAction implements Action {
    SUBMITTED("family-declaration.submitted", null),
    ACKNOWLEDGED("family-declaration.acknowledged", null),
    DECLINED("family-declaration.declined", null),
    INFO_REQUESTED("family-declaration.info-requested", null),
    ANSWERED("family-declaration.answered", null),
    WITHDRAWN("family-declaration.withdrawn", null),
    RECONFIRMED("family-declaration.reconfirmed", null),
    ENDED("family-declaration.ended", null),
    NIL_RETURN("family-declaration.nil-return", null),
    READ("family-declaration.read", "a human read (the read chain)");

    private final String code;
    private final String notPublishedBecause;

    DeclarationAction(String code, String notPublishedBecause) {
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
