package org.schooltrust.smp.permission;

import org.schooltrust.smp.audit.Action;

/** Express permissions (clause 6.5): the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public enum PermissionAction implements Action {
    GRANTED("permission.granted", null),
    REVOKED("permission.revoked", null);

    private final String code;
    private final String notPublishedBecause;

    PermissionAction(String code, String notPublishedBecause) {
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
