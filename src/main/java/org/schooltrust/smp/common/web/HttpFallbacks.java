package org.schooltrust.smp.common.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.schooltrust.smp.common.error.ErrorTable;
import org.schooltrust.smp.common.error.Problem;
import org.schooltrust.smp.common.error.ProblemType;
import org.schooltrust.smp.common.error.ProblemWriter;

/**
 * Problem documents for what the HTTP layer refuses before any resource runs: unknown paths, bodies over the size
 * limit, request targets and header blocks over the service's limits. The HTTP decoder's own limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set well above the service's, so
 * the first filter refuses with problem+json; only a request beyond the decoder's limit, or one the decoder cannot
 * parse at all, gets the decoder's bare answer.
 */
@ApplicationScoped
class HttpFallbacks {

    @Inject
    ProblemWriter writer;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @Inject
    HttpConfig config;

    /** Refuses a body announced larger than the limit from its headers, before any of it is read. */
    void register(@Observes Filters filters) {
        filters.register(
                rc -> {
                    String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
                    String encoding = rc.request().getHeader(HttpHeaders.CONTENT_ENCODING);
                    if (rc.request().uri().length() > config.maxUriLength()) {
                        send(rc, ErrorTable.forStatus(414), "The request URI is too long.");
                    } else if (headerBytes(rc) > config.maxHeaderSize().asLongValue()) {
                        send(rc, ErrorTable.forStatus(431), "The request headers are too large.");
                    } else if (isMultipart(rc) && length != null && isOver(length, config.maxUploadSize())) {
                        rc.response().putHeader(HttpHeaders.CONNECTION, "close");
                        send(
                                rc,
                                ErrorTable.PAYLOAD_TOO_LARGE,
                                "An upload may be at most " + config.maxUploadSize() + ".");
                    } else if (length != null && isOver(length, maxBodySize)) {
                        rc.response().putHeader(HttpHeaders.CONNECTION, "close");
                        send(rc, ErrorTable.PAYLOAD_TOO_LARGE, "The request body exceeds the size limit.");
                    } else if (rc.request().uri().contains(";")) {
                        // JAX-RS would drop ";x" from a path segment as a matrix parameter: "E1;x" must not read E1
                        send(rc, ErrorTable.MALFORMED_REQUEST, "Paths and queries must not contain ';'.");
                    } else if (encoding != null
                            && !encoding.isBlank()
                            && !encoding.strip().equalsIgnoreCase("identity")) {
                        send(
                                rc,
                                ErrorTable.UNSUPPORTED_MEDIA_TYPE,
                                "This server does not decode Content-Encoding "
                                        + "of request bodies; send the body unencoded.");
                    } else if (hasBody(rc) && rc.request().getHeader(HttpHeaders.CONTENT_TYPE) == null) {
                        send(
                                rc,
                                ErrorTable.UNSUPPORTED_MEDIA_TYPE,
                                "A request body needs a Content-Type" + " (application/json).");
                    } else {
                        rc.next();
                    }
                },
                Integer.MAX_VALUE - 1);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json") || type.equals("multipart/form-data");
    }

    /** The size of the header block as sent: each "name: value" line with its CRLF. */
    private static long headerBytes(RoutingContext rc) {
        long total = 0;
        for (var header : rc.request().headers()) {
            total += header.getKey().length() + header.getValue().length() + 4;
        }
        return total;
    }

    private static boolean hasBody(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.strip().equals("0");
        }
        return rc.request().getHeader("Transfer-Encoding") != null;
    }

    private static boolean isMultipart(RoutingContext rc) {
        String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.strip().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    private static boolean isOver(String contentLength, MemorySize limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit.asLongValue();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    void register(@Observes Router router) {
        router.route()
                .order(Integer.MAX_VALUE)
                .handler(rc -> send(rc, ErrorTable.NOT_FOUND, "No resource at this path."));
        router.errorHandler(
                413, rc -> send(rc, ErrorTable.PAYLOAD_TOO_LARGE, "The request body exceeds the size limit."));
        router.errorHandler(414, rc -> send(rc, ErrorTable.forStatus(414), "The request URI is too long."));
        router.errorHandler(431, rc -> send(rc, ErrorTable.forStatus(431), "The request headers are too large."));
    }

    private void send(RoutingContext rc, ProblemType type, String detail) {
        if (rc.response().ended()) {
            return;
        }
        Problem problem = writer.problem(type, detail, rc.normalizedPath(), RequestIds.of(rc), List.of());
        ProblemWriter.Rendered rendered = writer.render(problem);
        rc.response()
                .setStatusCode(rendered.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, rendered.mediaType())
                .end(rendered.body());
    }
}
