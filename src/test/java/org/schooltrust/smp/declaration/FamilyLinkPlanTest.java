package org.schooltrust.smp.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.ApiTest;

/**
 * The MIS single-pair check keeps one generic plan on a pooled connection instead of being planned on every call
 * (issue 15's profile found the {@code unnest} form re-planned 14,425 times in 14,425 calls), and its literal list of
 * active statuses is the rule's.
 */
@ApiTest
class FamilyLinkPlanTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theSinglePairCheckIsPlannedOnceAndReused() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            String statement = FamilyLinkQueries.CHECK_ONE
                    .replaceFirst("\\?", "\\$1")
                    .replaceFirst("\\?", "\\$2")
                    .replaceFirst("\\?", "\\$3");
            s.execute("PREPARE check_one(text, text, text) AS " + statement);
            for (int i = 0; i < 12; i++) {
                s.execute("EXECUTE check_one('E-" + i + "', '100001', 'P-" + i + "')");
            }
            long generic;
            try (ResultSet rs =
                    s.executeQuery("SELECT generic_plans FROM pg_prepared_statements WHERE name = 'check_one'")) {
                rs.next();
                generic = rs.getLong(1);
            }
            s.execute("DEALLOCATE check_one");
            assertThat(generic)
                    .as("executions served by the cached generic plan")
                    .isGreaterThanOrEqualTo(6);
        }
    }

    @Test
    void itsActiveStatusesAreTheRules() {
        String listed = DeclarationStatus.ACTIVE.stream()
                .map(st -> "'" + st.name() + "'")
                .sorted()
                .collect(Collectors.joining(", "));
        String inQuery = FamilyLinkQueries.CHECK_ONE.replaceAll(".*IN \\(([^)]*)\\).*", "$1");
        assertThat(java.util.Arrays.stream(inQuery.split(",\\s*")).sorted().collect(Collectors.joining(", ")))
                .isEqualTo(listed);
    }
}
