package org.schooltrust.smp.school;

import org.schooltrust.smp.audit.Action;

/** Schools: the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public final class SchoolAction {

    private SchoolAction() {}

    public static final Action CREATED = Action.published("school.created");

    public static final Action UPDATED = Action.published("school.updated");
}
