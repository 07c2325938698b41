package org.schooltrust.smp.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.bench.PlanStability;
import org.schooltrust.smp.bench.PlanStability.HotStatement;
import org.schooltrust.smp.support.ApiTest;

/**
 * Every audience's feed read is served by an index (issue 25, item 5): with 40,000 events of which the narrow readers'
 * few come last, the register's, an MIS's and a DSL's pages are read from their own index ranges — never a walk of the
 * feed's order index filtering out what they may not read, never a sequential scan. The synthetic events are removed
 * at the end.
 */
@ApiTest
class FeedPlanTest {

    private static final String SCHOOL = "PLAN-1";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyAudienceReadsItsPageFromAnIndex() throws Exception {
        Map<String, String> plans = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            try {
                // committed, so they lie below every reader's horizon as real events do; removed again below
                s.execute("INSERT INTO events (id, type, occurred_at, school_urn, data, payload)"
                        + " SELECT gen_random_uuid(), 'staff.updated', now(), 'PLAN-' || (i % 40), '{}', '{}'"
                        + " FROM generate_series(1, 40000) i");
                s.execute("INSERT INTO events (id, type, occurred_at, school_urn, data, payload)"
                        + " SELECT gen_random_uuid(), t, now(), '" + SCHOOL + "', '{}', '{}'"
                        + " FROM unnest(ARRAY['register.changed', 'family_link.acknowledged', 'concern.raised',"
                        + " 'policy.created']) t, generate_series(1, 50) i");
                s.execute("ANALYZE events");
                for (HotStatement hot : EventHotStatements.of(Set.of(SCHOOL))) {
                    plans.put(hot.name(), explain(c, hot));
                    // and as PostgreSQL plans it without the values (a prepared statement after five runs)
                    plans.put(hot.name() + " (generic plan)", generic(s, hot));
                }
            } finally {
                s.execute("DELETE FROM events WHERE school_urn LIKE 'PLAN-%'");
                s.execute("ANALYZE events");
            }
        }
        assertThat(plans).isNotEmpty();
        plans.forEach((name, plan) -> assertThat(plan).as(name).doesNotContain("Seq Scan on events"));
        // as a prepared statement is planned after five runs, every audience still reads only what it may see
        plans.entrySet().stream()
                .filter(e -> e.getKey().endsWith("(generic plan)"))
                .forEach(e -> assertThat(e.getValue()).as(e.getKey()).doesNotContain("Rows Removed by Filter"));
        for (String narrow : new String[] {
            "register-reader",
            "mis",
            "dsl",
            "register-reader (generic plan)",
            "mis (generic plan)",
            "dsl (generic plan)"
        }) {
            String plan = plans.get("feed: " + narrow.replace(" (generic plan)", "") + " from an empty cursor"
                    + (narrow.endsWith("(generic plan)") ? " (generic plan)" : ""));
            assertThat(plan)
                    .as(narrow)
                    .containsAnyOf("events_type_idx", "events_school_type_idx")
                    .doesNotContain("events_pkey")
                    .doesNotContain("events_school_idx ");
            // it read its own events and no others: nothing was filtered out
            assertThat(plan).as(narrow).doesNotContain("Rows Removed by Filter");
        }
        assertThat(plans.get("feed: trust-admin from an empty cursor")).contains("Index Scan");
    }

    private static String generic(Statement s, HotStatement hot) throws Exception {
        s.execute("SET plan_cache_mode = force_generic_plan");
        s.execute("PREPARE feed AS " + PlanStability.numbered(hot.sql()));
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE) EXECUTE feed"
                + hot.args().stream()
                        .map(PlanStability::literal)
                        .collect(java.util.stream.Collectors.joining(", ", "(", ")")))) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        } finally {
            s.execute("DEALLOCATE feed");
            s.execute("RESET plan_cache_mode");
        }
        return plan.toString();
    }

    private static String explain(Connection c, HotStatement hot) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE) " + hot.sql())) {
            int index = 1;
            for (Object arg : hot.args()) {
                if (arg instanceof String[] strings) {
                    s.setArray(index++, c.createArrayOf("text", strings));
                } else {
                    s.setObject(index++, arg);
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }
}
