package org.schooltrust.smp.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Map;
import org.schooltrust.smp.common.db.EmbeddedPostgresStarter;

/**
 * One real PostgreSQL (embedded binaries, no Docker) for the whole test run, with the production two-role setup
 * (issue 24): the superuser owns the schema and runs the migrations; the application connects as {@value #APP_ROLE},
 * which the migrations grant no UPDATE or DELETE on the append-only tables. Tests that tamper as a database owner use
 * {@link Db#owner()}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    /** The application's own database login. */
    public static final String APP_ROLE = "smp_app";

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        postgres = EmbeddedPostgresStarter.start();
        // no user in the URL: the driver would prefer it to the datasource's username
        String url = EmbeddedPostgresStarter.jdbcUrl(postgres).replaceAll("[?&]user=[^&]*", "");
        try (java.sql.Connection c =
                        java.sql.DriverManager.getConnection(url, EmbeddedPostgresStarter.USER, "postgres");
                java.sql.Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + APP_ROLE + "') THEN"
                    + " CREATE ROLE " + APP_ROLE + " LOGIN PASSWORD '" + APP_ROLE + "'; END IF; END $$");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create the application's database role", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url",
                url,
                "quarkus.datasource.username",
                APP_ROLE,
                "quarkus.datasource.password",
                APP_ROLE,
                "quarkus.flyway.username",
                EmbeddedPostgresStarter.USER,
                "quarkus.flyway.password",
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
