package org.schooltrust.smp.reminder;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.schooltrust.smp.bench.PlanStability.HotStatement;

/** The reminder mail outbox claim, for the plan checks. */
public final class ReminderHotStatements {

    private ReminderHotStatements() {}

    public static List<HotStatement> of() {
        Instant now = Instant.now();
        return List.of(new HotStatement(
                "outbox: claim due reminder emails",
                ReminderStore.CLAIM,
                // the Outbox claim's order: lease until, lease id, now, now, the limit
                now.plusSeconds(60),
                new UUID(0, 1),
                now,
                now,
                50));
    }
}
