package org.schooltrust.smp.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.common.error.InvalidRequestException;

class CursorTest {

    @Test
    void roundTrips() {
        String cursor = Cursor.encode("2026-01-01T00:00:00Z", "E1");
        assertThat(Cursor.decode(cursor, 2)).containsExactly("2026-01-01T00:00:00Z", "E1");
    }

    @Test
    void refusesForeignCursors() {
        assertThatThrownBy(() -> Cursor.decode("%%%", 1)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Cursor.decode(Cursor.encode("a"), 2)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Cursor.instant("yesterday")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void pageKeepsLimitAndCursorFromLastItem() {
        Page<String> page = Page.of(List.of("a", "b", "c"), 2, s -> "after-" + s);
        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.nextCursor()).isEqualTo("after-b");
        assertThat(Page.of(List.of("a"), 2, s -> s).nextCursor()).isNull();
    }
}
