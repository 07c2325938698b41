package org.schooltrust.smp.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.schooltrust.smp.acknowledgement.ComplianceFigures;
import org.schooltrust.smp.acknowledgement.ComplianceViews.Counts;
import org.schooltrust.smp.acknowledgement.ComplianceViews.SchoolSummary;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.error.ApiException;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.policy.LocalTextService;
import org.schooltrust.smp.policy.Policy;
import org.schooltrust.smp.policy.PolicyService;
import org.schooltrust.smp.policy.PolicyVersion;
import org.schooltrust.smp.report.GovernorsReport.Bar;
import org.schooltrust.smp.report.GovernorsReport.Figures;
import org.schooltrust.smp.report.GovernorsReport.Overdue;
import org.schooltrust.smp.report.GovernorsReport.Row;
import org.schooltrust.smp.school.School;
import org.schooltrust.smp.school.SchoolService;
import org.schooltrust.smp.socialaccount.PublicPageConfig;
import org.schooltrust.smp.staff.StaffService;

/**
 * The governors' report (issue 27; ADR 0028): a PDF a clerk can put in a governors' pack, for one school (its Head,
 * trust-admin) or the Trust (trust-admin). Every figure comes from the feature that owns it; each download is audited.
 */
@ApplicationScoped
public class GovernorsReportService {

    /** Weeks of acknowledgement the chart shows. */
    static final int WEEKS = 12;

    @CheckedTemplate(basePath = "reports")
    static class Templates {
        static native TemplateInstance governors(GovernorsReport report);
    }

    @Inject
    ComplianceFigures compliance;

    @Inject
    PolicyService policies;

    @Inject
    LocalTextService localTexts;

    @Inject
    SchoolService schools;

    @Inject
    StaffService staff;

    @Inject
    GovernorsReportQueries queries;

    @Inject
    PdfRenderer pdf;

    @Inject
    PublicPageConfig trust;

    @Inject
    ChangeLog changes;

    @Inject
    Caller caller;

    @Inject
    TimeSource time;

    /** One school's report, for its Head or trust-admin; anyone else gets 404. */
    @Transactional(dontRollbackOn = ApiException.class)
    public byte[] school(String urn, String slug) {
        if (!caller.has(Role.TRUST_ADMIN) && !caller.isHeadOf(urn)) {
            throw new ResourceNotFoundException("No school " + urn + " among your schools.");
        }
        School school = schools.get(urn);
        Policy policy = policies.get(slug);
        // a Head never counts the concerns about themselves, and never those routed to the Trust
        UUID notAbout = caller.has(Role.TRUST_ADMIN) ? null : staff.me().id();
        Counts total = compliance.school(slug, urn);
        GovernorsReport report = new GovernorsReport(
                trust.trustName(),
                urn,
                school.name(),
                policy.title(),
                policies.currentVersion(slug).map(PolicyVersion::label).orElse(null),
                time.today(),
                localTexts.awaitingSchools(slug).contains(urn),
                figures(total),
                categories(compliance.byCategory(slug, urn)),
                List.of(),
                compliance.overdue(slug, urn).stream()
                        .map(a -> new Overdue(a.hrId(), a.firstName() + " " + a.lastName(), a.category(), a.dueDate()))
                        .toList(),
                queries.pendingDeclarations(urn),
                queries.accounts(urn),
                queries.concerns(urn, notAbout),
                chart(compliance.weekly(slug, urn, WEEKS), total));
        return rendered(report, urn);
    }

    /** The Trust's report, for trust-admin: every school's figures, no adult named. */
    @Transactional(dontRollbackOn = ApiException.class)
    public byte[] trust(String slug) {
        Policy policy = policies.get(slug);
        Counts total = compliance.trust(slug);
        Set<String> awaiting = localTexts.awaitingSchools(slug);
        List<Row> bySchool = new ArrayList<>();
        for (SchoolSummary s : compliance.schools(slug)) {
            bySchool.add(new Row(
                    s.schoolName() + " (" + s.schoolUrn() + ")",
                    figures(s.counts()),
                    awaiting.contains(s.schoolUrn()) ? "awaiting local section" : null));
        }
        GovernorsReport report = new GovernorsReport(
                trust.trustName(),
                null,
                null,
                policy.title(),
                policies.currentVersion(slug).map(PolicyVersion::label).orElse(null),
                time.today(),
                false,
                figures(total),
                categories(compliance.byCategory(slug, null)),
                bySchool,
                List.of(),
                queries.pendingDeclarations(null),
                queries.accounts(null),
                queries.concerns(null, null),
                chart(compliance.weekly(slug, null, WEEKS), total));
        return rendered(report, null);
    }

    private byte[] rendered(GovernorsReport report, String urn) {
        byte[] bytes = pdf.render(Templates.governors(report).render());
        changes.record(AuditEntry.of(ReportAction.GOVERNORS_DOWNLOADED, "report", urn == null ? "trust" : urn, urn));
        return bytes;
    }

    private static Figures figures(Counts c) {
        return new Figures(c.done(), c.due(), c.overdue(), c.notRequired());
    }

    private static List<Row> categories(Map<String, Counts> byCategory) {
        List<Row> rows = new ArrayList<>();
        byCategory.forEach((category, counts) -> rows.add(new Row(label(category), figures(counts), null)));
        return rows;
    }

    private static List<Bar> chart(List<ComplianceFigures.Week> weeks, Counts total) {
        long required = total.done() + total.due() + total.overdue();
        return weeks.stream()
                .map(w -> new Bar(
                        w.ending(),
                        w.acknowledged(),
                        required == 0 ? 0 : Math.min(100, Math.round(100.0 * w.acknowledged() / required))))
                .toList();
    }

    static String label(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static boolean before(LocalDate a, LocalDate b) {
        return a != null && a.isBefore(b);
    }
}
