package org.schooltrust.smp.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.schooltrust.smp.event.FeedPosition;

/** Reading the event feed as a consumer would: from a stored cursor, page after page. */
public final class Events {

    private Events() {}

    /** The cursor after every event stored so far (what a consumer holds after catching up). */
    public static String latest() {
        AgroalDataSource dataSource =
                Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT tx_id::text AS tx_text, position FROM events ORDER BY tx_id DESC, position DESC LIMIT 1")) {
            return rs.next() ? new FeedPosition(rs.getString(1), rs.getLong(2)).encode() : FeedPosition.START.encode();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One poll: every event ready after {@code cursor}, following pages while {@code more}. */
    public static Poll poll(String token, String cursor, String query) {
        List<Map<String, Object>> events = new ArrayList<>();
        String after = cursor;
        boolean more;
        do {
            Response page = Api.as(token)
                    .queryParam("after", after)
                    .queryParam("limit", 200)
                    .get("/api/v1/events" + (query == null ? "" : "?" + query));
            page.then().statusCode(200);
            events.addAll(page.jsonPath().getList("items"));
            after = page.path("nextCursor");
            more = page.path("more");
        } while (more);
        return new Poll(events, after);
    }

    public record Poll(List<Map<String, Object>> events, String cursor) {

        public List<String> types() {
            return events.stream().map(e -> (String) e.get("type")).toList();
        }
    }
}
