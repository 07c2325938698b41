package org.schooltrust.smp.report;

import org.schooltrust.smp.audit.Action;

/** Reports: the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public enum ReportAction implements Action {
    GOVERNORS_DOWNLOADED("report.governors.downloaded", "a download, audited for who took a copy");

    private final String code;
    private final String notPublishedBecause;

    ReportAction(String code, String notPublishedBecause) {
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
