package org.schooltrust.smp.bench;

import io.smallrye.jwt.build.Jwt;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The system under benchmark: an embedded PostgreSQL and the packaged application ({@code target/quarkus-app}) started
 * as production would start it, configured only by environment variables. Tokens are signed with a key generated for
 * the run, whose public half the app is given ({@code QUARKUS_OIDC_PUBLIC_KEY}), so no identity provider is needed.
 */
final class BenchApp implements AutoCloseable {

    static final int PORT = 18080;
    final EmbeddedPostgres postgres;
    final Process app;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final KeyPair keys;

    private BenchApp(EmbeddedPostgres postgres, Process app, KeyPair keys) {
        this.postgres = postgres;
        this.app = app;
        this.keys = keys;
    }

    static BenchApp start() throws Exception {
        File jar = new File("target/quarkus-app/quarkus-run.jar");
        if (!jar.exists()) {
            throw new IllegalStateException("Package the app first: ./mvnw -B package -DskipTests");
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx512m", "-jar", jar.getPath())
                .redirectErrorStream(true)
                .redirectOutput(new File("target/bench-app.log"));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(PORT));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put(
                "QUARKUS_OIDC_PUBLIC_KEY",
                Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        Process app = builder.start();
        BenchApp bench = new BenchApp(postgres, app, keys);
        bench.awaitReady();
        return bench;
    }

    private void awaitReady() throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (!app.isAlive()) {
                throw new IllegalStateException("The app exited; see target/bench-app.log");
            }
            try {
                HttpResponse<String> ready = http.send(
                        HttpRequest.newBuilder(uri("/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The app did not become ready; see target/bench-app.log");
    }

    String token(Set<String> roles, Map<String, Object> claims) {
        var builder = Jwt.claims()
                .issuer("bench")
                .audience("trust-api")
                .subject("bench-" + String.join("-", roles))
                .groups(roles)
                .claim("azp", "bench")
                .expiresAt(Instant.now().plusSeconds(3600));
        claims.forEach(builder::claim);
        return builder.jws().sign(keys.getPrivate());
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + PORT + path);
    }

    HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(120));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return response;
    }

    Connection jdbc() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    void sql(String... statements) throws SQLException {
        try (Connection c = jdbc();
                var s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    static List<String> roles(String... names) {
        return List.of(names);
    }

    @Override
    public void close() throws IOException {
        app.destroy();
        try {
            app.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        postgres.close();
    }
}
