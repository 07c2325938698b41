package org.schooltrust.smp.socialaccount;

import java.util.List;
import java.util.UUID;
import org.schooltrust.smp.bench.PlanStability.HotStatement;

/** The public register's full-pull statement, for the benchmark's plan-stability check. */
public final class RegisterHotStatements {

    private RegisterHotStatements() {}

    public static List<HotStatement> of() {
        return List.of(new HotStatement(
                "register: a page of ACTIVE accounts", RegisterQueries.ACTIVE_PAGE, "", new UUID(0, 0), 1001));
    }
}
