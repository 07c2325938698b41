package org.schooltrust.smp.permission;

import org.schooltrust.smp.audit.Action;

/** Express permissions (clause 6.5): the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public final class PermissionAction {

    private PermissionAction() {}

    public static final Action GRANTED = Action.published("permission.granted");

    public static final Action REVOKED = Action.published("permission.revoked");
}
