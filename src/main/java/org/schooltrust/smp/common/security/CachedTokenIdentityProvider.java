package org.schooltrust.smp.common.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** The identity of a cached verification, bound to this request's routing context and marked as served from cache. */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<CachedTokenMechanism.Request> {

    @Override
    public Class<CachedTokenMechanism.Request> getRequestType() {
        return CachedTokenMechanism.Request.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            CachedTokenMechanism.Request request, AuthenticationRequestContext context) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(request.verified);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            builder.addAttribute(RoutingContext.class.getName(), routing);
        }
        builder.addAttribute(VerifiedTokens.FROM_CACHE, Boolean.TRUE);
        return Uni.createFrom().item(builder.build());
    }
}
