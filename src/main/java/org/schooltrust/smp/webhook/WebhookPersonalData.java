package org.schooltrust.smp.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.schooltrust.smp.common.records.PersonalData;

/** The personal data this feature holds (issue 24; {@link PersonalData}). */
@ApplicationScoped
class WebhookPersonalData implements PersonalData {

    @Override
    public List<Disposal> disposals() {
        // settled deliveries; their attempts go with them (ON DELETE CASCADE)
        return List.of(new Disposal(
                "WEBHOOK_DELIVERY",
                "webhook_deliveries w",
                "w.id",
                "true",
                "CASE WHEN w.status <> 'PENDING' THEN w.updated_at END",
                "ARRAY[]::uuid[]",
                "array_remove(ARRAY[w.school_urn::text], NULL)",
                "NULL::text",
                "DELETED",
                List.of("DELETE FROM webhook_deliveries WHERE id = ANY(?::uuid[])")));
    }

    @Override
    public List<Table> tables() {
        return List.of(
                Table.of("webhook_deliveries", "WEBHOOK_DELIVERY"), Table.of("webhook_attempts", "WEBHOOK_DELIVERY"));
    }
}
