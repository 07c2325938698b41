package org.schooltrust.smp.common.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Tried before OIDC (ADR 0021): a bearer token whose verification is still in {@link VerifiedTokens} is not verified
 * again — its identity goes through the identity provider manager (so every augmentor, and with them the register,
 * runs as for a fresh token); a cached token past its expiry is refused; anything else is left to OIDC.
 */
@ApplicationScoped
public class CachedTokenMechanism implements HttpAuthenticationMechanism {

    @Inject
    VerifiedTokens tokens;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader("Authorization");
        if (!tokens.enabled() || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Uni.createFrom().nullItem();
        }
        var found = tokens.find(authorization.substring(7).strip());
        return switch (found.outcome()) {
            case HIT ->
                identityProviderManager.authenticate(
                        HttpSecurityUtils.setRoutingContextAttribute(new Request(found.value()), context));
            case REFUSED -> Uni.createFrom().failure(new AuthenticationFailedException("The token has expired"));
            case MISS -> Uni.createFrom().nullItem();
        };
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(Request.class);
    }

    /** After the SCIM secret (2000), before OIDC (1000). */
    @Override
    public int getPriority() {
        return 1500;
    }

    /** An identity already verified, to be augmented for this request. */
    static final class Request extends BaseAuthenticationRequest {

        final SecurityIdentity verified;

        Request(SecurityIdentity verified) {
            this.verified = verified;
        }
    }
}
