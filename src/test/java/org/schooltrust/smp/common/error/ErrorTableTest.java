package org.schooltrust.smp.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ErrorTableTest {

    private static ProblemType of(Throwable error) {
        return ErrorTable.lookup(error).orElse(ErrorTable.INTERNAL_ERROR);
    }

    @Test
    void deadlocksAndSerializationFailuresAreRetryable503s() {
        assertThat(of(new RuntimeException(new SQLException("deadlock detected", "40P01"))))
                .isEqualTo(ErrorTable.TRANSACTION_CONFLICT);
        assertThat(of(new SQLException("could not serialize access", "40001")))
                .isEqualTo(ErrorTable.TRANSACTION_CONFLICT);
        assertThat(ErrorTable.TRANSACTION_CONFLICT.status()).isEqualTo(503);
    }

    @Test
    void aDatabaseOutageIsA503NotA500() {
        assertThat(of(new IllegalStateException(new SQLException("Connection refused", "08001"))))
                .isEqualTo(ErrorTable.DATABASE_UNAVAILABLE);
        assertThat(of(new SQLException("terminating connection due to administrator command", "57P01")))
                .isEqualTo(ErrorTable.DATABASE_UNAVAILABLE);
        assertThat(of(new SQLException("too many connections", "53300"))).isEqualTo(ErrorTable.DATABASE_UNAVAILABLE);
        assertThat(of(new SQLException("Acquisition timeout while waiting for new connection")))
                .isEqualTo(ErrorTable.DATABASE_UNAVAILABLE);
        assertThat(ErrorTable.DATABASE_UNAVAILABLE.status()).isEqualTo(503);
    }

    @Test
    void distinctConflictsHaveDistinctProblemTypes() {
        assertThat(of(new IllegalTransitionException("x")).slug()).isEqualTo("illegal-transition");
        assertThat(of(new BodyHashMismatchException("x")).slug()).isEqualTo("body-hash-mismatch");
        assertThat(of(new DuplicateException("x")).slug()).isEqualTo("duplicate");
        assertThat(of(new ConflictException("x")).slug()).isEqualTo("conflict");
        assertThat(of(new IdempotencyKeyReusedException("x")).status()).isEqualTo(422);
        for (ProblemType type :
                java.util.List.of(ErrorTable.ILLEGAL_TRANSITION, ErrorTable.BODY_HASH_MISMATCH, ErrorTable.DUPLICATE)) {
            assertThat(type.status()).isEqualTo(409);
        }
    }

    @Test
    void anythingElseStaysABug() {
        assertThat(ErrorTable.lookup(new SQLException("syntax error", "42601"))).isEmpty();
    }
}
