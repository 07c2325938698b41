package org.schooltrust.smp.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Locks taken in SQL use the key their enum constant names, and no two locks share a key. */
class AdvisoryLocksTest {

    @Test
    void theComplianceFlushTakesTheKeyOfItsNamedLock() throws IOException {
        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V14__compliance_counts.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String key = Long.toString(AdvisoryLocks.Lock.COMPLIANCE_COUNTS.key());
        assertThat(migration)
                .contains("pg_advisory_xact_lock(" + key + ")")
                .contains("pg_advisory_xact_lock_shared(" + key + ")");
        assertThat(migration.replace(key, "")).doesNotContainPattern("pg_advisory_xact_lock(_shared)?\\(\\d");
    }

    @Test
    void everyLockHasItsOwnKey() {
        assertThat(Arrays.stream(AdvisoryLocks.Lock.values()).map(AdvisoryLocks.Lock::key))
                .doesNotHaveDuplicates();
    }
}
