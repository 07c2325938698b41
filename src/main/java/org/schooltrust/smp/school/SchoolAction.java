package org.schooltrust.smp.school;

import org.schooltrust.smp.audit.Action;

/** Schools: the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public enum SchoolAction implements Action {
    CREATED("school.created", null),
    UPDATED("school.updated", null);

    private final String code;
    private final String notPublishedBecause;

    SchoolAction(String code, String notPublishedBecause) {
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
