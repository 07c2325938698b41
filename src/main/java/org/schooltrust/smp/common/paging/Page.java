package org.schooltrust.smp.common.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The one page envelope: {@code {items, nextCursor}}; {@code nextCursor} is absent on the last page. */
public record Page<T>(
        @Schema(required = true) List<T> items,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Cursor for the next page; absent on the last page.")
        String nextCursor) {

    /**
     * A page from {@code limit + 1} fetched rows: the extra row only proves there is a next page, whose cursor is made
     * from the last row returned.
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(List.copyOf(items), cursorOf.apply(items.get(limit - 1)));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
