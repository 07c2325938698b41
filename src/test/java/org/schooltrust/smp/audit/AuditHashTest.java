package org.schooltrust.smp.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.staff.StaffAction;

class AuditHashTest {

    private final AuditLog.Actor actor = new AuditLog.Actor("sub", List.of("hr-sync"), "hr-sync", "req-1");
    private final Instant at = Instant.parse("2026-01-01T00:00:00Z");
    private final AuditEntry entry = new AuditEntry(StaffAction.UPDATED, "adult", "E1", "100001", List.of("lastName"));

    @Test
    void hashIsStableAndSixtyFourHexDigits() {
        assertThat(AuditLog.hash(null, at, actor, entry))
                .hasSize(64)
                .matches("[0-9a-f]{64}")
                .isEqualTo(AuditLog.hash(null, at, actor, entry));
    }

    /** Changing any one hashed value — the link, the time, each actor field, each entry field — changes the hash. */
    @Test
    void hashDependsOnThePreviousEventAndEveryField() {
        List<String> hashes = List.of(
                AuditLog.hash(null, at, actor, entry),
                AuditLog.hash("0".repeat(64), at, actor, entry),
                AuditLog.hash(null, at.plusNanos(1000), actor, entry),
                AuditLog.hash(null, at, new AuditLog.Actor("sub2", actor.roles(), "hr-sync", "req-1"), entry),
                AuditLog.hash(null, at, new AuditLog.Actor("sub", List.of("trust-admin"), "hr-sync", "req-1"), entry),
                AuditLog.hash(null, at, new AuditLog.Actor("sub", actor.roles(), "other", "req-1"), entry),
                AuditLog.hash(null, at, new AuditLog.Actor("sub", actor.roles(), null, "req-1"), entry),
                AuditLog.hash(null, at, new AuditLog.Actor("sub", actor.roles(), "hr-sync", "req-2"), entry),
                AuditLog.hash(
                        null,
                        at,
                        actor,
                        new AuditEntry(StaffAction.CREATED, "adult", "E1", "100001", entry.changedFields())),
                AuditLog.hash(
                        null,
                        at,
                        actor,
                        new AuditEntry(StaffAction.UPDATED, "school", "E1", "100001", entry.changedFields())),
                AuditLog.hash(
                        null,
                        at,
                        actor,
                        new AuditEntry(StaffAction.UPDATED, "adult", "E2", "100001", entry.changedFields())),
                AuditLog.hash(
                        null,
                        at,
                        actor,
                        new AuditEntry(StaffAction.UPDATED, "adult", "E1", "100002", entry.changedFields())),
                AuditLog.hash(
                        null,
                        at,
                        actor,
                        new AuditEntry(StaffAction.UPDATED, "adult", "E1", null, entry.changedFields())),
                AuditLog.hash(
                        null,
                        at,
                        actor,
                        new AuditEntry(StaffAction.UPDATED, "adult", "E1", "100001", List.of("firstName"))),
                AuditLog.hash(
                        null,
                        at,
                        actor,
                        new AuditEntry(
                                StaffAction.UPDATED, "adult", "E1", "100001", List.of("lastName", "firstName"))));
        Set<String> distinct = new HashSet<>(hashes);
        assertThat(distinct).as("every variation hashes differently").hasSize(hashes.size());
    }
}
