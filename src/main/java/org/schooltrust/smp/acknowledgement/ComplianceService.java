package org.schooltrust.smp.acknowledgement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.schooltrust.smp.acknowledgement.ComplianceViews.AdultRow;
import org.schooltrust.smp.acknowledgement.ComplianceViews.SchoolCompliance;
import org.schooltrust.smp.acknowledgement.ComplianceViews.SchoolSummary;
import org.schooltrust.smp.acknowledgement.ComplianceViews.TrustCompliance;
import org.schooltrust.smp.common.error.ApiException;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.policy.LocalTextService;
import org.schooltrust.smp.policy.PolicyService;
import org.schooltrust.smp.policy.PolicyVersion;
import org.schooltrust.smp.school.SchoolService;
import org.schooltrust.smp.staff.StaffInputs;

/** Who has acknowledged what, for the Head of a school and for the Trust. */
@ApplicationScoped
class ComplianceService {

    /** Rows of a CSV export; a school has at most a few hundred adults. */
    static final int CSV_LIMIT = 100_000;

    @Inject
    ComplianceQueries queries;

    @Inject
    PolicyService policies;

    @Inject
    LocalTextService localTexts;

    @Inject
    SchoolService schools;

    @Inject
    Caller caller;

    @Transactional(dontRollbackOn = ApiException.class)
    public SchoolCompliance school(String urn, String slug, RequirementStatus status, PageParams page) {
        String version = checkSchoolAccess(urn, slug);
        String after = Cursor.key(page.cursor, StaffInputs.AdultInput.HR_ID);
        Page<AdultRow> rows = Page.of(
                queries.adults(slug, urn, status, after, page.limit() + 1), page.limit(), r -> Cursor.encode(r.hrId()));
        return new SchoolCompliance(
                slug,
                version,
                urn,
                localTexts.awaitingSchools(slug).contains(urn),
                queries.counts(slug, urn),
                rows.items(),
                rows.nextCursor());
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public List<AdultRow> schoolExport(String urn, String slug, RequirementStatus status) {
        checkSchoolAccess(urn, slug);
        return queries.adults(slug, urn, status, null, CSV_LIMIT);
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public TrustCompliance trust(String slug, PageParams page) {
        String version = currentLabel(slug);
        Page<SchoolSummary> rows = Page.of(
                queries.trust(slug, Cursor.key(page.cursor, Cursor.URN), page.limit() + 1),
                page.limit(),
                r -> Cursor.encode(r.schoolUrn()));
        java.util.Set<String> awaiting = localTexts.awaitingSchools(slug);
        List<SchoolSummary> schoolRows = rows.items().stream()
                .map(r ->
                        new SchoolSummary(r.schoolUrn(), r.schoolName(), awaiting.contains(r.schoolUrn()), r.counts()))
                .toList();
        return new TrustCompliance(slug, version, queries.total(slug), schoolRows, rows.nextCursor());
    }

    /** Head of that school or trust-admin; another school's Head gets 404, as for any record they cannot see. */
    private String checkSchoolAccess(String urn, String slug) {
        if (!caller.has(Role.TRUST_ADMIN) && !caller.isHeadOf(urn)) {
            throw new ResourceNotFoundException("No school " + urn + " among your schools.");
        }
        schools.get(urn);
        return currentLabel(slug);
    }

    private String currentLabel(String slug) {
        if (!policies.exists(slug)) {
            throw new ResourceNotFoundException("No policy " + slug + ".");
        }
        return policies.currentVersion(slug).map(PolicyVersion::label).orElse(null);
    }
}
