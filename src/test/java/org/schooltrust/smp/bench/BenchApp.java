package org.schooltrust.smp.bench;

import io.smallrye.jwt.build.Jwt;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.schooltrust.smp.support.PackagedApp;

/**
 * The system under benchmark: the packaged application ({@code target/quarkus-app}) on an embedded PostgreSQL, started
 * as production would start it and configured only by environment variables ({@link PackagedApp}). Tokens are signed
 * with a key generated for the run, whose public half the app is given ({@code QUARKUS_OIDC_PUBLIC_KEY}), so no
 * identity provider is needed.
 */
final class BenchApp implements AutoCloseable {

    final PackagedApp app;
    final EmbeddedPostgres postgres;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final KeyPair keys;

    private BenchApp(PackagedApp app, KeyPair keys) {
        this.app = app;
        this.postgres = app.postgres();
        this.keys = keys;
    }

    static BenchApp start() throws Exception {
        return start("bench-app", Map.of());
    }

    /** The app with extra environment variables (e.g. {@code SMP_EVENTS_PUBLISH=false}). */
    static BenchApp start(String name, Map<String, String> extraEnv) throws Exception {
        return start(name, extraEnv, List.of("-Xmx512m"));
    }

    /** The app with extra environment variables and the given JVM options (before {@code -jar}). */
    static BenchApp start(String name, Map<String, String> extraEnv, List<String> jvmArgs) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put(
                "QUARKUS_OIDC_PUBLIC_KEY",
                Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        PackagedApp app = PackagedApp.start(name, launcher(), env, jvmArgs, Path.of("target/" + name + ".log"));
        return new BenchApp(app, keys);
    }

    /** The image built by bench/run.sh ({@code ./mvnw package -Pimage}) when there is one: what is shipped is measured. */
    static final Path IMAGE = Path.of("target/image/rootfs");

    static PackagedApp.Launcher launcher() {
        return Files.exists(IMAGE.resolve("opt/smp/bin/run"))
                ? PackagedApp.Launcher.image(IMAGE)
                : PackagedApp.Launcher.jar(PackagedApp.DEFAULT_JAR);
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
        return app.uri(path);
    }

    /** A path on the management port (health, metrics). */
    URI managementUri(String path) {
        return app.managementUri(path);
    }

    /** The app's process id, e.g. to read its resident memory from {@code /proc}. */
    long pid() {
        return app.pid();
    }

    /** Stops the app and starts it again on the same database; the time until it was ready. */
    Duration restart() {
        return app.restart(Path.of("target/" + app.process().name() + "-restart.log"));
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

    /** A request without a body, with one extra header (e.g. If-Match). */
    HttpResponse<String> sendWithHeader(String method, String path, String token, String header, String value)
            throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token)
                        .header(header, value)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofSeconds(120))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
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
    public void close() {
        app.close();
    }
}
