package org.schooltrust.smp.common.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The one paging bean: {@code ?limit=&cursor=} on every list. */
public class PageParams {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    @QueryParam("limit")
    @DefaultValue("100")
    @Min(1)
    @Max(MAX_LIMIT)
    @Parameter(description = "Page size, 1 to 1000 (default 100).")
    public int limit = DEFAULT_LIMIT;

    @QueryParam("cursor")
    @Size(max = 512)
    @Parameter(description = "Opaque cursor from the previous page's `nextCursor` (or its `Link: rel=\"next\"`).")
    public String cursor;

    public static PageParams of(int limit, String cursor) {
        PageParams params = new PageParams();
        params.limit = limit;
        params.cursor = cursor;
        return params;
    }
}
