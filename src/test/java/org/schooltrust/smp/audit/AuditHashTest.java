package org.schooltrust.smp.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditHashTest {

    private final AuditLog.Actor actor = new AuditLog.Actor("sub", List.of("hr-sync"), "hr-sync", "req-1");
    private final Instant at = Instant.parse("2026-01-01T00:00:00Z");
    private final AuditEntry entry = new AuditEntry("staff.updated", "adult", "E1", "100001", List.of("lastName"));

    @Test
    void hashDependsOnThePreviousEventAndEveryField() {
        String base = AuditLog.hash(null, at, actor, entry);
        assertThat(base).hasSize(64).isEqualTo(AuditLog.hash(null, at, actor, entry));
        assertThat(AuditLog.hash("0".repeat(64), at, actor, entry)).isNotEqualTo(base);
        assertThat(AuditLog.hash(null, at.plusMillis(1), actor, entry)).isNotEqualTo(base);
        assertThat(AuditLog.hash(
                        null,
                        at,
                        actor,
                        new AuditEntry("staff.updated", "adult", "E1", "100001", List.of("firstName"))))
                .isNotEqualTo(base);
    }
}
