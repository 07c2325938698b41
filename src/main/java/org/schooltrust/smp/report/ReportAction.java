package org.schooltrust.smp.report;

import org.schooltrust.smp.audit.Action;

/** Reports: the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public final class ReportAction {

    private ReportAction() {}

    public static final Action GOVERNORS_DOWNLOADED =
            Action.notPublished("report.governors.downloaded", "a download, audited for who took a copy");
}
