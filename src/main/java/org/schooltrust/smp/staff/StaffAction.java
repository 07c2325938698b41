package org.schooltrust.smp.staff;

import org.schooltrust.smp.audit.Action;

/** The staff register: the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public final class StaffAction {

    private StaffAction() {}

    public static final Action CREATED = Action.published("staff.created");

    public static final Action UPDATED = Action.published("staff.updated");

    public static final Action DEACTIVATED = Action.published("staff.deactivated");
}
