package org.schooltrust.smp.acknowledgement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.schooltrust.smp.acknowledgement.ComplianceViews.AdultRow;
import org.schooltrust.smp.acknowledgement.ComplianceViews.Counts;
import org.schooltrust.smp.acknowledgement.ComplianceViews.SchoolSummary;
import org.schooltrust.smp.common.error.ApiException;
import org.schooltrust.smp.common.time.TimeSource;

/**
 * The compliance API's own figures for another feature's report (issue 27: the governors' report must show the same
 * numbers). No role check: the caller has decided who may see what it shows.
 */
@ApplicationScoped
public class ComplianceFigures {

    /** Acknowledgements of today's requirements made by the end of one week. */
    public record Week(LocalDate ending, long acknowledged) {}

    @Inject
    ComplianceQueries queries;

    @Inject
    TimeSource time;

    @Transactional(dontRollbackOn = ApiException.class)
    public Counts school(String slug, String urn) {
        return queries.counts(slug, urn);
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public Counts trust(String slug) {
        return queries.total(slug);
    }

    /** Every school's counts, by URN. */
    @Transactional(dontRollbackOn = ApiException.class)
    public List<SchoolSummary> schools(String slug) {
        return queries.trust(slug, "", ComplianceService.CSV_LIMIT);
    }

    /** Counts by category of adult at a school, or (null) across the Trust. */
    @Transactional(dontRollbackOn = ApiException.class)
    public Map<String, Counts> byCategory(String slug, String urn) {
        return queries.byCategory(slug, urn);
    }

    /** A school's overdue adults, by HR id. */
    @Transactional(dontRollbackOn = ApiException.class)
    public List<AdultRow> overdue(String slug, String urn) {
        return queries.adults(slug, urn, RequirementStatus.OVERDUE, null, ComplianceService.CSV_LIMIT);
    }

    /** Acknowledgement over the last {@code weeks} weeks at a school, or (null) across the Trust, oldest first. */
    @Transactional(dontRollbackOn = ApiException.class)
    public List<Week> weekly(String slug, String urn, int weeks) {
        LocalDate today = time.today();
        return queries.acknowledgedByWeek(slug, urn, weeks).stream()
                .map(r -> new Week(today.minusWeeks(r[0]), r[1]))
                .toList();
    }
}
