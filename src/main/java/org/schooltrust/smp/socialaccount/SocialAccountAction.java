package org.schooltrust.smp.socialaccount;

import org.schooltrust.smp.audit.Action;

/** Official accounts (clause 8.1) and the public page: the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public enum SocialAccountAction implements Action {
    PROPOSED("social-account.proposed", null),
    APPROVED("social-account.approved", null),
    REJECTED("social-account.rejected", null),
    CONFIRMED_LIVE("social-account.confirmed-live", null),
    SUSPENDED("social-account.suspended", null),
    REINSTATED("social-account.reinstated", null),
    RETIRED("social-account.retired", null),
    REVIEWED("social-account.reviewed", null),
    PUBLIC_PAGE_UPDATED("school.public-page.updated", null);

    private final String code;
    private final String notPublishedBecause;

    SocialAccountAction(String code, String notPublishedBecause) {
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
