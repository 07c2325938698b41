package org.schooltrust.smp.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.schooltrust.smp.common.records.PersonalData;

/** The personal data this feature holds (issue 24; {@link PersonalData}). */
@ApplicationScoped
class WebhookPersonalData implements PersonalData {

    @Override
    public List<Table> tables() {
        return List.of(
                Table.of("webhook_deliveries", "WEBHOOK_DELIVERY"), Table.of("webhook_attempts", "WEBHOOK_DELIVERY"));
    }
}
