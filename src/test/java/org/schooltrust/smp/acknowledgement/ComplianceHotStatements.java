package org.schooltrust.smp.acknowledgement;

import java.time.LocalDate;
import java.util.List;
import org.schooltrust.smp.bench.PlanStability.HotStatement;

/** The compliance reads' statements, for the benchmark's plan-stability check. */
public final class ComplianceHotStatements {

    private ComplianceHotStatements() {}

    public static List<HotStatement> of(String slug, String urn, LocalDate today) {
        return List.of(
                new HotStatement("compliance: a school's counts", ComplianceQueries.SCHOOL_COUNTS, today, slug, urn),
                new HotStatement("compliance: the Trust's counts", ComplianceQueries.TRUST_COUNTS, today, slug),
                new HotStatement("compliance: a page of schools", ComplianceQueries.TRUST_PAGE, today, "", 101, slug),
                new HotStatement(
                        "compliance: a school's list", ComplianceQueries.schoolList(false), today, slug, urn, "", 101));
    }
}
