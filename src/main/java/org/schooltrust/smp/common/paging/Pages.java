package org.schooltrust.smp.common.paging;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

/** Turns a page into a 200 response with a {@code Link: rel="next"} header when there is a next page. */
public final class Pages {

    private Pages() {}

    public static <T> RestResponse<Page<T>> ok(Page<T> page, UriInfo uri) {
        RestResponse.ResponseBuilder<Page<T>> response = RestResponse.ResponseBuilder.ok(page);
        if (page.nextCursor() != null) {
            response.links(
                    Link.fromUriBuilder(uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()))
                            .rel("next")
                            .build());
        }
        return response.build();
    }
}
