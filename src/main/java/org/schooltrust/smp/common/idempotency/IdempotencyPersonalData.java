package org.schooltrust.smp.common.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.schooltrust.smp.common.records.PersonalData;

/** The personal data the Idempotency-Key mechanism holds (issue 24; {@link PersonalData}). */
@ApplicationScoped
class IdempotencyPersonalData implements PersonalData {

    @Override
    public List<Table> tables() {
        return List.of(Table.kept(
                "idempotent_requests",
                "a client's Idempotency-Key, its token subject and the id the request created: no content, forgotten"
                        + " after 7 days (Idempotency.KEPT)"));
    }
}
