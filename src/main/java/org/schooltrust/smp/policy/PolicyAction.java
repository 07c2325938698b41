package org.schooltrust.smp.policy;

import org.schooltrust.smp.audit.Action;

/** Policies, their versions, schools' local texts and review cycle: the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public final class PolicyAction {

    private PolicyAction() {}

    public static final Action CREATED = Action.published("policy.created");

    public static final Action VERSION_DRAFTED = Action.published("policy.version.drafted");

    public static final Action VERSION_EDITED = Action.published("policy.version.edited");

    public static final Action VERSION_PUBLISHED = Action.published("policy.version.published");

    public static final Action VERSION_SUPERSEDED = Action.published("policy.version.superseded");

    public static final Action VERSION_RETIRED = Action.published("policy.version.retired");

    public static final Action REVIEW_UPDATED = Action.published("policy.review.updated");

    public static final Action LOCAL_TEXT_DRAFTED =
            Action.notPublished("policy.local-text.drafted", "a school's draft; its publication is the event");

    public static final Action LOCAL_TEXT_EDITED =
            Action.notPublished("policy.local-text.edited", "a school's draft; its publication is the event");

    public static final Action LOCAL_TEXT_PUBLISHED = Action.published("policy.local-text.published");

    public static final Action LOCAL_TEXT_SUPERSEDED =
            Action.notPublished("policy.local-text.superseded", "the publication that supersedes it is the event");
}
