package org.schooltrust.smp.common.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The one way the project starts an embedded PostgreSQL (dev mode, the {@code @QuarkusTest} application, and the
 * packaged apps of the end-to-end profile and the benchmark), so they all run the same server with the same settings.
 * zonky is {@code provided} scope: this class is never loaded in production.
 */
public final class EmbeddedPostgresStarter {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private EmbeddedPostgresStarter() {}

    /** A server in a fresh temporary data directory. */
    public static EmbeddedPostgres start() {
        return start(null);
    }

    /** A server in {@code dataDirectory} (emptied first), or a fresh temporary one when null. */
    public static EmbeddedPostgres start(Path dataDirectory) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // the app's pool (16 per replica), two replicas in the end-to-end profile, the benchmark's clients
                .setServerConfig("max_connections", "100");
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(true);
        }
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    public static String jdbcUrl(EmbeddedPostgres postgres) {
        return postgres.getJdbcUrl(USER, DATABASE);
    }
}
