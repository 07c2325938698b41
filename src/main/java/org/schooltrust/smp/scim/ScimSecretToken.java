package org.schooltrust.smp.scim;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.schooltrust.smp.common.error.ScimDialect;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.text.Sha256;

/**
 * Entra ID's "Secret Token" (issue 29, ADR 0025): a long-lived bearer secret for the SCIM path only, kept as its
 * SHA-256 in {@code SMP_SCIM_SECRET_SHA256} (comma separated, so a rotation can list the old and the new). A bearer on
 * {@code /scim/v2} that is not a JWT and whose hash is listed is the {@code scim-provisioner}; one that is not listed is
 * 401. Everything else — every JWT, every other path, or no hashes configured — is left to OIDC, tried after this.
 */
@ApplicationScoped
public class ScimSecretToken implements HttpAuthenticationMechanism {

    /** The subject audit records for a request made with the secret. */
    static final String SUBJECT = "scim-secret-token";

    @Inject
    ScimConfig config;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        List<String> hashes = config.secretSha256().orElse(List.of());
        String authorization = context.request().getHeader("Authorization");
        if (hashes.isEmpty()
                || !ScimDialect.covers(context.normalizedPath())
                || authorization == null
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Uni.createFrom().nullItem();
        }
        String token = authorization.substring(7).strip();
        if (token.chars().filter(c -> c == '.').count() == 2) {
            return Uni.createFrom().nullItem(); // a JWT: OIDC verifies it
        }
        byte[] presented = HexFormat.of().parseHex(Sha256.hex(token.getBytes(StandardCharsets.UTF_8)));
        for (String hash : hashes) {
            String hex = hash.strip().toLowerCase(Locale.ROOT);
            if (hex.matches("[0-9a-f]{64}")
                    && MessageDigest.isEqual(presented, HexFormat.of().parseHex(hex))) {
                return Uni.createFrom()
                        .item(QuarkusSecurityIdentity.builder()
                                .setPrincipal(new QuarkusPrincipal(SUBJECT))
                                .addRole(Role.Names.SCIM_PROVISIONER)
                                .build());
            }
        }
        return Uni.createFrom().failure(new AuthenticationFailedException("Unknown SCIM secret token"));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    /** Before OIDC (the default 1000), which would refuse a token that is not a JWT. */
    @Override
    public int getPriority() {
        return 2000;
    }
}
