package org.schooltrust.smp.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Map;
import org.schooltrust.smp.common.db.EmbeddedPostgresStarter;

/** One real PostgreSQL (embedded binaries, no Docker) for the whole test run. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        postgres = EmbeddedPostgresStarter.start();
        return Map.of(
                "quarkus.datasource.jdbc.url",
                EmbeddedPostgresStarter.jdbcUrl(postgres),
                "quarkus.datasource.username",
                EmbeddedPostgresStarter.USER,
                "quarkus.datasource.password",
                "postgres");
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the test run is over
            }
        }
    }
}
