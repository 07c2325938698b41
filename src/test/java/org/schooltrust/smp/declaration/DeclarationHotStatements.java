package org.schooltrust.smp.declaration;

import java.util.List;
import org.schooltrust.smp.bench.PlanStability.HotStatement;

/** The MIS check's and the declaration summary's statements, for the benchmark's plan-stability check. */
public final class DeclarationHotStatements {

    private DeclarationHotStatements() {}

    public static List<HotStatement> of(String urn, String[] hrIds, String[] pupils) {
        return List.of(
                new HotStatement("MIS check: school exists", FamilyLinkQueries.SCHOOL_EXISTS, urn),
                new HotStatement("MIS check: one pair", FamilyLinkQueries.CHECK_ONE, hrIds[0], urn, pupils[0]),
                new HotStatement(
                        "MIS check: " + hrIds.length + " pairs",
                        FamilyLinkQueries.CHECK_MANY,
                        hrIds,
                        pupils,
                        urn,
                        DeclarationStatus.names(DeclarationStatus.ACTIVE)),
                new HotStatement("declaration summary: a page", FamilyLinkQueries.COUNTS_PAGE, "", 101));
    }
}
