package org.schooltrust.smp.common.paging;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

/** Turns a page into a 200 response with a {@code Link: rel="next"} header when there is a next page. */
public final class Pages {

    private Pages() {}

    public static <T> RestResponse<Page<T>> ok(Page<T> page, UriInfo uri) {
        return ok(page, page.nextCursor(), uri);
    }

    /**
     * Any body that is a page with its own envelope (a school's compliance: counts and the adults), with the same
     * {@code Link: rel="next"} header as every other list.
     */
    public static <B> RestResponse<B> ok(B body, String nextCursor, UriInfo uri) {
        return ok(body, nextCursor, "cursor", uri);
    }

    /** The same, for a list whose cursor parameter has another name (the event feed's {@code after}). */
    public static <B> RestResponse<B> ok(B body, String nextCursor, String cursorParameter, UriInfo uri) {
        RestResponse.ResponseBuilder<B> response = RestResponse.ResponseBuilder.ok(body);
        if (nextCursor != null) {
            response.links(
                    Link.fromUriBuilder(uri.getRequestUriBuilder().replaceQueryParam(cursorParameter, nextCursor))
                            .rel("next")
                            .build());
        }
        return response.build();
    }
}
