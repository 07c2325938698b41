package org.schooltrust.smp.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.schooltrust.smp.bench.PlanStability.HotStatement;

/** The webhook outbox claim, for the plan checks. */
public final class WebhookHotStatements {

    private WebhookHotStatements() {}

    public static List<HotStatement> of() {
        Instant now = Instant.now();
        return List.of(new HotStatement(
                "outbox: claim due webhook deliveries",
                DeliveryStore.CLAIM_DUE,
                now.plusSeconds(60),
                new UUID(0, 1),
                now,
                now,
                now,
                WebhookDispatcher.SEND_BATCH));
    }
}
