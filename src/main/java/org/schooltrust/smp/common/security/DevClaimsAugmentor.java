package org.schooltrust.smp.common.security;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Dev mode only. Quarkus' in-process dev OIDC server cannot put custom claims in its tokens, so the schools and HR id
 * of each dev user come from {@code smp.dev-claims.<user>.schools|staff-id} in application.properties. This bean does
 * not exist in tests or production.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevClaimsAugmentor implements SecurityIdentityAugmentor {

    @Override
    public int priority() {
        return 5; // after ClaimsAugmentor
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Config config = ConfigProvider.getConfig();
        String user = identity.getPrincipal().getName();
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        config.getOptionalValue("smp.dev-claims." + user + ".schools", String.class)
                .ifPresent(schools -> builder.addAttribute(ClaimsAugmentor.SCHOOLS, ClaimsAugmentor.strings(schools)));
        Optional<String> staffId = config.getOptionalValue("smp.dev-claims." + user + ".staff-id", String.class);
        staffId.ifPresent(id -> builder.addAttribute(ClaimsAugmentor.STAFF_KEY, new StaffKey(StaffKey.Kind.HR_ID, id)));
        if (identity.getAttribute(ClaimsAugmentor.SCHOOLS) == null && staffId.isEmpty()) {
            builder.addAttribute(ClaimsAugmentor.SCHOOLS, Set.of());
        }
        return Uni.createFrom().item(builder.build());
    }
}
