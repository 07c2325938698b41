package org.schooltrust.smp.common.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.schooltrust.smp.common.text.Sha256;
import org.schooltrust.smp.common.time.TimeSource;

/**
 * The application's one {@link VerifiedTokenCache} (issue 26, ADR 0021): {@link CachedTokenMechanism} looks tokens up
 * before OIDC verifies them, {@link RememberVerifiedToken} keeps what OIDC verified. Counted in
 * {@code smp_token_cache_lookups_total{result=hit|miss|refused}} and {@code smp_token_cache_entries}; switched off
 * with {@code SMP_TOKEN_CACHE_ENABLED=false}.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** The identity attribute that marks an identity served from the cache (so it is not kept again). */
    static final String FROM_CACHE = "smp.tokenCache";

    @Inject
    TokenCacheConfig config;

    @Inject
    TimeSource time;

    @Inject
    MeterRegistry metrics;

    @Inject
    ClaimsAugmentor claims;

    private VerifiedTokenCache<SecurityIdentity> cache;
    private Counter hits;
    private Counter misses;
    private Counter refused;

    @PostConstruct
    void start() {
        cache = new VerifiedTokenCache<>(config.maxEntries(), config.maxAge(), config.skew());
        hits = metrics.counter("smp.token_cache.lookups", "result", "hit");
        misses = metrics.counter("smp.token_cache.lookups", "result", "miss");
        refused = metrics.counter("smp.token_cache.lookups", "result", "refused");
        Gauge.builder("smp.token_cache.entries", cache, VerifiedTokenCache::size)
                .register(metrics);
    }

    boolean enabled() {
        return config.enabled();
    }

    /** What the cache knows of this bearer token; a token too long to keep is always a miss. */
    VerifiedTokenCache.Lookup<SecurityIdentity> find(String token) {
        if (token.length() > config.maxTokenSize()) {
            misses.increment();
            return new VerifiedTokenCache.Lookup<>(VerifiedTokenCache.Outcome.MISS, null);
        }
        VerifiedTokenCache.Lookup<SecurityIdentity> found = cache.find(hash(token), time.tokenTime());
        switch (found.outcome()) {
            case HIT -> hits.increment();
            case MISS -> misses.increment();
            case REFUSED -> refused.increment();
        }
        return found;
    }

    /** Keeps an identity OIDC has just verified from this token. */
    void remember(SecurityIdentity identity, OidcJwtCallerPrincipal token) {
        String raw = token.getRawToken();
        if (!config.enabled() || raw == null || raw.length() > config.maxTokenSize()) {
            return;
        }
        Object nbf = token.getClaims().getClaimValue("nbf");
        cache.remember(
                hash(raw),
                new VerifiedTokenCache.Verified<>(
                        identity,
                        Instant.ofEpochSecond(token.getExpirationTime()),
                        nbf instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null,
                        keyId(raw),
                        claims.staffKey(token).map(VerifiedTokens::normal).orElse(null)),
                time.tokenTime());
    }

    /** Deactivated adults' tokens are verified afresh (and refused by the register) from the next request. */
    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) AdultsDeactivated deactivated) {
        cache.forget(deactivated.adults().stream().map(VerifiedTokens::normal).toList());
    }

    /** Entries kept now (tests and the gauge). */
    int size() {
        return cache.size();
    }

    /** Email addresses compare without case, as the register matches them. */
    private static StaffKey normal(StaffKey key) {
        return key.kind() == StaffKey.Kind.EMAIL
                ? new StaffKey(key.kind(), key.value().toLowerCase(java.util.Locale.ROOT))
                : key;
    }

    private static String hash(String token) {
        return Sha256.hex(token.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code kid} of the token's JOSE header ({@code null} when it names none). */
    static String keyId(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            String header = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            try (var reader = Json.createReader(new StringReader(header))) {
                JsonObject json = reader.readObject();
                return json.containsKey("kid") ? json.getString("kid", null) : null;
            }
        } catch (RuntimeException e) {
            return null;
        }
    }
}
