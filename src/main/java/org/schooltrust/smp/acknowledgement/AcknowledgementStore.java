package org.schooltrust.smp.acknowledgement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.schooltrust.smp.common.db.Sql;

/** Acknowledgements written once each (append-only, V1): the insert that loses to a concurrent twin writes nothing. */
@ApplicationScoped
class AcknowledgementStore {

    @Inject
    Sql sql;

    /** Whether this acknowledgement was written (false: one for the same adult, version and school exists). */
    boolean insertIfAbsent(
            UUID id,
            UUID adultId,
            UUID versionId,
            String schoolUrn,
            String bodySha256,
            UUID localTextId,
            String statementsJson,
            Instant at,
            String clientId,
            String userAgent) {
        return sql.update(
                        "record an acknowledgement",
                        "INSERT INTO acknowledgements (id, adult_id, version_id, school_urn, body_sha256, local_text_id,"
                                + " statements, acknowledged_at, client_id, user_agent)"
                                + " VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?) ON CONFLICT DO NOTHING",
                        id,
                        adultId,
                        versionId,
                        schoolUrn,
                        bodySha256,
                        localTextId,
                        statementsJson,
                        at,
                        clientId,
                        userAgent)
                == 1;
    }
}
