package org.schooltrust.smp.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.ApiTest;

/**
 * A bulk statement must keep a good plan once PostgreSQL switches a pooled connection's prepared statement to the
 * generic plan (after five executions): the full sync's "active adults not in the batch" must stay a hashed
 * anti-join, never a per-row {@code <> ALL} over the batch's 10,000 ids.
 */
@ApiTest
class PlanStabilityTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theFullSyncDeactivationQueryIsAnAntiJoinInItsGenericPlan() throws Exception {
        String ids =
                IntStream.range(0, 10_000).mapToObj(i -> "\"P" + i + "\"").collect(Collectors.joining(",", "'{", "}'"));
        String plan;
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SET plan_cache_mode = force_generic_plan");
            s.execute("PREPARE deactivation(text[]) AS " + AdultStore.ACTIVE_NOT_LISTED.replace("?::text[]", "$1"));
            StringBuilder text = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN EXECUTE deactivation(" + ids + ")")) {
                while (rs.next()) {
                    text.append(rs.getString(1)).append('\n');
                }
            }
            s.execute("DEALLOCATE deactivation");
            s.execute("RESET plan_cache_mode");
            plan = text.toString();
        }
        assertThat(plan).contains("Anti Join").doesNotContain("<> ALL");
    }
}
