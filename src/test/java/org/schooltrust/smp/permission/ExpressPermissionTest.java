package org.schooltrust.smp.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.common.error.AccessDeniedException;
import org.schooltrust.smp.common.error.IllegalTransitionException;

class ExpressPermissionTest {

    private static final LocalDate FROM = LocalDate.of(2027, 1, 4);
    private static final LocalDate TO = LocalDate.of(2027, 7, 20);

    private static ExpressPermission permission(Instant revoked) {
        UUID id = UUID.randomUUID();
        return new ExpressPermission(
                id, "100001", id, "Class group", "Facebook", FROM, TO, id, Instant.EPOCH, revoked, 1);
    }

    @Test
    void grantedOnlyWhileValidAndNotRevoked() {
        ExpressPermission p = permission(null);
        assertThat(p.status(FROM.minusDays(1))).isEqualTo(PermissionStatus.NOT_YET_VALID);
        assertThat(p.grants(FROM)).isTrue();
        assertThat(p.grants(TO)).isTrue();
        assertThat(p.status(TO.plusDays(1))).isEqualTo(PermissionStatus.EXPIRED);
        assertThat(permission(Instant.EPOCH).status(FROM)).isEqualTo(PermissionStatus.REVOKED);
    }

    @Test
    void purposesMatchWhateverTheirCaseAndSpacing() {
        assertThat(ExpressPermission.purposeKey("  Class parents'   group "))
                .isEqualTo(ExpressPermission.purposeKey("class PARENTS' group"));
    }

    @Test
    void aPermissionForTheActingHeadIsForSelf() {
        UUID head = UUID.randomUUID();
        assertThat(ExpressPermission.forSelf(head, head)).isTrue();
        assertThat(ExpressPermission.forSelf(UUID.randomUUID(), head)).isFalse();
        assertThat(ExpressPermission.forSelf(null, head)).isFalse();
    }

    @Test
    void revokingReturnsTheNextStateAndItsFieldsAndIsRefusedTwiceOrForSelf() {
        ExpressPermission p = permission(null);
        UUID otherHead = UUID.randomUUID();
        var revoked = p.revoke(otherHead, Instant.EPOCH.plusSeconds(60));
        assertThat(revoked.fields()).containsExactly("revokedAt");
        assertThat(revoked.next().status(FROM)).isEqualTo(PermissionStatus.REVOKED);
        assertThat(revoked.next().version()).isEqualTo(p.version() + 1);
        assertThatThrownBy(() -> revoked.next().revoke(otherHead, Instant.EPOCH))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> p.revoke(p.adultId(), Instant.EPOCH)).isInstanceOf(AccessDeniedException.class);
    }
}
