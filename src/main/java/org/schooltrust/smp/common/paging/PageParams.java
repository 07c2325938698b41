package org.schooltrust.smp.common.paging;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.schooltrust.smp.common.error.ValidationFailedException;

/**
 * The one paging bean: {@code ?limit=&cursor=} on every list. {@code limit} is read as text so that {@code limit=abc}
 * answers a 422 naming the parameter (JAX-RS would answer a typed parameter's failed conversion with a 404).
 */
public class PageParams {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    @QueryParam("limit")
    @Parameter(
            description = "Page size, 1 to 1000 (default 100).",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
    String limit;

    @QueryParam("cursor")
    @Size(max = 512)
    @Parameter(description = "Opaque cursor from the previous page's `nextCursor` (or its `Link: rel=\"next\"`).")
    public String cursor;

    public static PageParams of(int limit, String cursor) {
        PageParams params = new PageParams();
        params.limit = Integer.toString(limit);
        params.cursor = cursor;
        return params;
    }

    /** The page size asked for, 1 to {@value #MAX_LIMIT}; anything else is a 422 on {@code limit}. */
    public int limit() {
        return limitOf(limit);
    }

    /** A {@code limit} parameter's value, for a list whose cursor parameter has another name (the event feed). */
    public static int limitOf(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ValidationFailedException.of("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
