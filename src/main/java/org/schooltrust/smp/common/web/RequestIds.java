package org.schooltrust.smp.common.web;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a plain token, else a new UUID. The id is
 * echoed in the response header, put in the log MDC ({@code requestId}), carried by every problem document and stored
 * with every audit event.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String KEY = "smp.requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Inject
    CurrentVertxRequest currentRequest;

    void register(@Observes Filters filters) {
        filters.register(
                rc -> {
                    String id = of(rc);
                    rc.response().putHeader(HEADER, id);
                    MDC.put("requestId", id);
                    rc.next();
                },
                Integer.MAX_VALUE);
    }

    /** The id of the request being served, if there is one (scheduled jobs have none). */
    public Optional<String> current() {
        RoutingContext rc = Arc.container().requestContext().isActive() ? currentRequest.getCurrent() : null;
        if (rc != null) {
            return Optional.of(of(rc));
        }
        return Optional.ofNullable((String) MDC.get("requestId"));
    }

    static String of(RoutingContext rc) {
        String id = rc.get(KEY);
        if (id == null) {
            String offered = rc.request().getHeader(HEADER);
            id = offered != null && ACCEPTED.matcher(offered).matches()
                    ? offered
                    : UUID.randomUUID().toString();
            rc.put(KEY, id);
        }
        return id;
    }
}
