package org.schooltrust.smp.policy;

import org.schooltrust.smp.audit.Action;

/** Policies, their versions, schools' local texts and review cycle: the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public enum PolicyAction implements Action {
    CREATED("policy.created", null),
    VERSION_DRAFTED("policy.version.drafted", null),
    VERSION_EDITED("policy.version.edited", null),
    VERSION_PUBLISHED("policy.version.published", null),
    VERSION_SUPERSEDED("policy.version.superseded", null),
    VERSION_RETIRED("policy.version.retired", null),
    REVIEW_UPDATED("policy.review.updated", null),
    LOCAL_TEXT_DRAFTED("policy.local-text.drafted", "a school's draft; its publication is the event"),
    LOCAL_TEXT_EDITED("policy.local-text.edited", "a school's draft; its publication is the event"),
    LOCAL_TEXT_PUBLISHED("policy.local-text.published", null),
    LOCAL_TEXT_SUPERSEDED("policy.local-text.superseded", "the publication that supersedes it is the event");

    private final String code;
    private final String notPublishedBecause;

    PolicyAction(String code, String notPublishedBecause) {
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
