package org.schooltrust.smp.common.security;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** The verified-token cache's settings (README, Configuration; ADR 0021); defaults are in application.properties. */
@ConfigMapping(prefix = "smp.token-cache")
public interface TokenCacheConfig {

    /** Whether verified tokens are kept at all (SMP_TOKEN_CACHE_ENABLED). */
    boolean enabled();

    /** At most this many tokens are kept (SMP_TOKEN_CACHE_MAX_ENTRIES). */
    int maxEntries();

    /** No verification is kept longer than this (SMP_TOKEN_CACHE_MAX_AGE): the bound on how late a revocation bites. */
    Duration maxAge();

    /** An entry ends this long before the token's own expiry (SMP_TOKEN_CACHE_SKEW). */
    Duration skew();

    /** Tokens longer than this many characters are verified every time and never kept (SMP_TOKEN_CACHE_MAX_TOKEN_SIZE). */
    int maxTokenSize();
}
