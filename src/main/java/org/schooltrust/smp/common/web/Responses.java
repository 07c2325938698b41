package org.schooltrust.smp.common.web;

import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/** The one way a resource answers a read or a write with its ETag and, for a creation, its Location. */
public final class Responses {

    private Responses() {}

    /** 200 with the record's ETag. */
    public static <T> RestResponse<T> ok(T body, long version) {
        return RestResponse.ResponseBuilder.ok(body).tag(ETags.of(version)).build();
    }

    /**
     * 201 with {@code Location} when the request created the record, 200 otherwise; the ETag when the record has a
     * version.
     */
    public static <T> RestResponse<T> written(Versioned<T> result, URI location) {
        RestResponse.ResponseBuilder<T> response = result.created()
                ? RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, result.body())
                        .location(location)
                : RestResponse.ResponseBuilder.ok(result.body());
        if (result.version() != null) {
            response.tag(ETags.of(result.version()));
        }
        return response.build();
    }

    /** 202 with {@code Location} and the ETag of what was accepted but has not taken effect (a pending change). */
    public static <T> RestResponse<T> accepted(T body, long version, URI location) {
        return RestResponse.ResponseBuilder.<T>create(RestResponse.Status.ACCEPTED, body)
                .location(location)
                .tag(ETags.of(version))
                .build();
    }
}
