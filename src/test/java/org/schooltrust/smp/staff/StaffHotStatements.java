package org.schooltrust.smp.staff;

import java.util.List;
import java.util.UUID;
import org.schooltrust.smp.bench.PlanStability.HotStatement;

/** The HR sync's bulk reads, for the benchmark's plan-stability check. */
public final class StaffHotStatements {

    private StaffHotStatements() {}

    public static List<HotStatement> of(String[] batchHrIds, UUID[] batchAdultIds) {
        return List.of(
                new HotStatement(
                        "sync: a batch's adults by HR id (" + batchHrIds.length + ")", AdultStore.BY_HR_IDS, (Object)
                                batchHrIds),
                new HotStatement("sync: their assignments", AdultStore.ASSIGNMENTS_OF, (Object) batchAdultIds),
                new HotStatement(
                        "full sync: active adults not listed", AdultStore.ACTIVE_NOT_LISTED, (Object) batchHrIds));
    }
}
