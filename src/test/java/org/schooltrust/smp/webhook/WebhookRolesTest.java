package org.schooltrust.smp.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.event.Audience;

/** One list of roles (issue 25): webhook identities are exactly the roles that have a feed. */
class WebhookRolesTest {

    @Test
    void theIdentityRolesAreTheFeedsRoles() {
        Set<String> identities = Set.of(WebhookInputs.IDENTITY_ROLES.split("\\|"));
        Set<String> feed = Audience.feedRoles().stream().map(Role::claimValue).collect(Collectors.toSet());
        assertThat(identities).isEqualTo(feed).contains("dsl");
    }

    @Test
    void theSchoolScopedIdentitiesNameTheirSchools() {
        assertThat(Audience.schoolScoped(Role.MIS)).isTrue();
        assertThat(Audience.schoolScoped(Role.DSL)).isTrue();
        assertThat(Audience.schoolScoped(Role.HEAD_OF_SCHOOL)).isTrue();
        assertThat(Audience.schoolScoped(Role.TRUST_ADMIN)).isFalse();
        assertThat(Audience.schoolScoped(Role.REGISTER_READER)).isFalse();
    }
}
