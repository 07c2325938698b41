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

    /**
     * Waits until every event written so far is settled: no transaction older than the newest event is still open, so
     * the feed and the webhook fan-out serve it (they read only below the snapshot's xmin). A test that writes and then
     * reads the feed or dispatches calls this first; it polls the database, bounded, and never sleeps a fixed time.
     */
    public static void awaitSettled() {
        AgroalDataSource dataSource =
                Arc.container().instance(AgroalDataSource.class).get();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM events"
                        + " WHERE tx_id >= pg_snapshot_xmin(pg_current_snapshot()))")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("events still unsettled after 30 s: a transaction stays open");
                }
                java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(5));
            }
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
