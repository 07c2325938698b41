package org.schooltrust.smp.socialaccount;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.common.web.TokenBuckets;

/**
 * What makes the public pages safe to expose (issue 28): a token bucket per client address (429 page with
 * {@code Retry-After}), a strict Content-Security-Policy (nothing but this origin's stylesheets; no script at all) and
 * the other security headers, on every answer under {@code /public} — pages, assets and errors alike.
 */
@ApplicationScoped
class PublicPageHttp {

    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; font-src 'self';"
            + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Inject
    PublicPageConfig config;

    @Inject
    TimeSource time;

    @Inject
    PublicPageErrors errors;

    private volatile TokenBuckets buckets;

    /** Sets the limits, returning the previous {@code {perSecond, burst}}; tests only. */
    double[] limits(double perSecond, int burst) {
        TokenBuckets previous = buckets();
        buckets = new TokenBuckets(perSecond, burst);
        return new double[] {previous.perSecond(), previous.burst()};
    }

    private TokenBuckets buckets() {
        TokenBuckets current = buckets;
        if (current == null) {
            current = new TokenBuckets(config.rate(), config.burst());
            buckets = current;
        }
        return current;
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, Integer.MAX_VALUE - 2);
    }

    private void filter(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (!path.equals("/public") && !path.startsWith("/public/")) {
            rc.next();
            return;
        }
        var headers = rc.response().headers();
        headers.set("Content-Security-Policy", CSP);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (path.startsWith("/public/assets/")) {
            headers.set(HttpHeaders.CACHE_CONTROL, "public, max-age=86400");
        }
        String client = rc.request().remoteAddress() == null
                ? ""
                : rc.request().remoteAddress().host();
        var wait = buckets().take(client, time.now());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            String page = errors.page(429);
            rc.response()
                    .setStatusCode(429)
                    .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(page);
            return;
        }
        rc.next();
    }
}
