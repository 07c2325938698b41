package org.schooltrust.smp.common.security;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the configured schools, staff-identity and client claims from the verified token once, and keeps them as
 * identity attributes for {@link Caller}.
 */
@ApplicationScoped
public class ClaimsAugmentor implements SecurityIdentityAugmentor {

    static final String SCHOOLS = "smp.schools";
    static final String STAFF_KEY = "smp.staffKey";
    static final String CLIENT_ID = "smp.clientId";
    static final String HEAD_SCHOOLS = "smp.headSchools";
    static final String DSL_SCHOOLS = "smp.dslSchools";

    @Inject
    SecurityClaims claims;

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        builder.addAttribute(SCHOOLS, strings(claim(token, claims.schoolsClaim())));
        claims.headSchoolsClaim().ifPresent(name -> builder.addAttribute(HEAD_SCHOOLS, strings(claim(token, name))));
        claims.dslSchoolsClaim().ifPresent(name -> builder.addAttribute(DSL_SCHOOLS, strings(claim(token, name))));
        staffKey(token).ifPresent(key -> builder.addAttribute(STAFF_KEY, key));
        Optional.ofNullable(firstString(claim(token, "azp")))
                .or(() -> Optional.ofNullable(firstString(claim(token, "client_id"))))
                .ifPresent(client -> builder.addAttribute(CLIENT_ID, client));
        return Uni.createFrom().item(builder.build());
    }

    Optional<StaffKey> staffKey(JsonWebToken token) {
        String hrId = firstString(claim(token, claims.staffIdClaim()));
        if (hrId != null && !hrId.isBlank()) {
            return Optional.of(new StaffKey(StaffKey.Kind.HR_ID, hrId));
        }
        String email = firstString(claim(token, claims.staffIdFallbackClaim()));
        // an address the IdP has not verified could be anyone's: it never names an adult
        boolean verified = "email".equals(claims.staffIdFallbackClaim())
                ? "true".equalsIgnoreCase(String.valueOf(firstString(claim(token, "email_verified"))))
                : true;
        if (email != null && !email.isBlank() && verified) {
            return Optional.of(new StaffKey(StaffKey.Kind.EMAIL, email));
        }
        return Optional.empty();
    }

    /**
     * A claim by name, or by {@code a/b} path into nested objects. A token Quarkus OIDC verified is read from its claim
     * set: {@link JsonWebToken#getClaim(String)} looks every custom name up as a standard claim first and throws and
     * catches an exception (with a stack trace) each time, a measurable share of an authenticated request.
     */
    static Object claim(JsonWebToken token, String path) {
        String[] parts = path.split("/");
        Object value = token instanceof OidcJwtCallerPrincipal verified
                ? verified.getClaims().getClaimValue(parts[0])
                : token.getClaim(parts[0]);
        for (int i = 1; i < parts.length && value != null; i++) {
            value = value instanceof JsonObject object
                    ? object.get(parts[i])
                    : value instanceof Map<?, ?> map ? map.get(parts[i]) : null;
        }
        return value;
    }

    static Set<String> strings(Object value) {
        Set<String> result = new LinkedHashSet<>();
        if (value instanceof JsonArray array) {
            array.forEach(v -> addString(result, v));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(v -> addString(result, v));
        } else if (value != null) {
            String text = value instanceof JsonString s ? s.getString() : value.toString();
            Arrays.stream(text.split("[\\s,]+")).filter(s -> !s.isBlank()).forEach(result::add);
        }
        return Set.copyOf(result);
    }

    private static void addString(Set<String> into, Object value) {
        if (value instanceof JsonString s) {
            into.add(s.getString());
        } else if (value instanceof JsonValue json && json.getValueType() == JsonValue.ValueType.NUMBER) {
            into.add(json.toString());
        } else if (value != null && !(value instanceof JsonValue)) {
            into.add(value.toString());
        }
    }

    static String firstString(Object value) {
        if (value == null) {
            return null;
        }
        Set<String> values = strings(value);
        return values.isEmpty() ? null : values.iterator().next();
    }
}
