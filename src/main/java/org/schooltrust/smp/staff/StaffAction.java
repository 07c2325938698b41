package org.schooltrust.smp.staff;

import org.schooltrust.smp.audit.Action;

/** The staff register: the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public enum StaffAction implements Action {
    CREATED("staff.created", null),
    UPDATED("staff.updated", null),
    DEACTIVATED("staff.deactivated", null);

    private final String code;
    private final String notPublishedBecause;

    StaffAction(String code, String notPublishedBecause) {
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
