package org.schooltrust.smp.socialaccount;

import org.schooltrust.smp.audit.Action;

/** Official accounts (clause 8.1) and the public page: the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public final class SocialAccountAction {

    private SocialAccountAction() {}

    public static final Action PROPOSED = Action.published("social-account.proposed");

    public static final Action APPROVED = Action.published("social-account.approved");

    public static final Action REJECTED = Action.published("social-account.rejected");

    public static final Action CONFIRMED_LIVE = Action.published("social-account.confirmed-live");

    public static final Action SUSPENDED = Action.published("social-account.suspended");

    public static final Action REINSTATED = Action.published("social-account.reinstated");

    public static final Action RETIRED = Action.published("social-account.retired");

    public static final Action REVIEWED = Action.published("social-account.reviewed");

    public static final Action PUBLIC_PAGE_UPDATED = Action.published("school.public-page.updated");
}
