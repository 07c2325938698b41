package org.schooltrust.smp.common.security;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps what OIDC has just verified in {@link VerifiedTokens}. It runs first of the augmentors (higher priority runs
 * first), so what is kept is the verified identity before any augmentor added to it; augmentors run again for every
 * request served from the cache.
 */
@ApplicationScoped
public class RememberVerifiedToken implements SecurityIdentityAugmentor {

    @Inject
    VerifiedTokens tokens;

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getAttribute(VerifiedTokens.FROM_CACHE) == null
                && identity.getPrincipal() instanceof OidcJwtCallerPrincipal token) {
            tokens.remember(identity, token);
        }
        return Uni.createFrom().item(identity);
    }
}
