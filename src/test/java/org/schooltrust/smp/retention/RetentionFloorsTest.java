package org.schooltrust.smp.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.Tokens;

/**
 * Retention has floors (issue 24): one trust-admin cannot shorten a class below its statutory or IRMS minimum and
 * destroy what must be kept — not through the API (422, naming the floor) and not with the application's own database
 * login (the V19 trigger).
 */
@ApiTest
class RetentionFloorsTest {

    @Inject
    AgroalDataSource dataSource;

    private static String rules() {
        return Db.first("SELECT string_agg(record_class || period || version, ',' ORDER BY record_class)"
                + " FROM retention_rules");
    }

    @Test
    void aPeriodBelowTheFloorIs422NamingTheFloorAndChangesNothing() {
        String before = rules();
        for (Map.Entry<String, String> attempt : Map.of(
                        "CONCERN_CHILD_PROTECTION", "P1D",
                        "CONCERN", "P5Y",
                        "AUDIT_EVENT", "P6Y11M",
                        "ACKNOWLEDGEMENT", "P1Y")
                .entrySet()) {
            Api.as(Tokens.trustAdmin())
                    .body(Map.of("period", attempt.getValue()))
                    .put("/api/v1/retention-rules/{c}", attempt.getKey())
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body(
                            "errors.message",
                            hasItem(containsString("at least "
                                    + RecordClass.valueOf(attempt.getKey()).floor())));
        }
        assertThat(rules()).isEqualTo(before);
    }

    @Test
    void theApplicationsOwnDatabaseLoginCannotGoBelowTheFloorEither() throws Exception {
        String before = rules();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            assertThatThrownBy(
                            () -> s.executeUpdate(
                                    "UPDATE retention_rules SET period = 'P1D' WHERE record_class = 'CONCERN_CHILD_PROTECTION'"))
                    .hasMessageContaining("below its floor");
        }
        assertThat(rules()).isEqualTo(before);
    }

    @Test
    void theDatabaseFloorsAreTheEnumsFloors() throws Exception {
        LocalDate day = LocalDate.of(2000, 1, 1);
        try (Connection c = dataSource.getConnection();
                PreparedStatement floor = c.prepareStatement("SELECT (date '2000-01-01' + retention_floor(?))::date")) {
            for (RecordClass recordClass : RecordClass.values()) {
                floor.setString(1, recordClass.name());
                try (ResultSet rs = floor.executeQuery()) {
                    rs.next();
                    assertThat(rs.getObject(1, LocalDate.class))
                            .as(recordClass.name())
                            .isEqualTo(day.plus(recordClass.floor()));
                }
            }
        }
    }
}
