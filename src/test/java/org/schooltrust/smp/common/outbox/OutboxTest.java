package org.schooltrust.smp.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one outbox's statements (their behaviour is tested through webhook deliveries and reminder emails). */
class OutboxTest {

    private final Outbox outbox = new Outbox("things", "state", "JOIN owners o ON o.id = q.owner_id AND o.enabled");

    @Test
    void aClaimLeasesDueRowsOldestFirstSkippingRowsAnotherReplicaHolds() {
        String claim = outbox.claim("updated_at = ?", "x.id, x.attempts");
        assertThat(claim)
                .startsWith(
                        "UPDATE things x SET lease_until = ?, lease_id = ?, attempts = x.attempts + 1, updated_at = ?")
                .contains("FROM things q JOIN owners o ON o.id = q.owner_id AND o.enabled WHERE q.state = 'PENDING'")
                .contains("q.next_attempt_at <= ? AND (q.lease_until IS NULL OR q.lease_until <= ?)")
                .contains("ORDER BY q.next_attempt_at LIMIT ? FOR UPDATE OF q SKIP LOCKED")
                .endsWith("RETURNING x.id, x.attempts");
    }

    @Test
    void aSettlementIsFencedByTheLeaseAndReleasesIt() {
        assertThat(outbox.settle("state = ?"))
                .isEqualTo(
                        "UPDATE things SET state = ?, lease_id = NULL, lease_until = NULL WHERE id = ? AND lease_id = ?");
    }
}
