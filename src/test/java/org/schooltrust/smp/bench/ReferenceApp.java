package org.schooltrust.smp.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.schooltrust.smp.common.db.EmbeddedPostgresStarter;
import org.schooltrust.smp.support.ManagedProcess;

/**
 * The benchmark's reference app ({@code bench/reference-app}, built by bench/run.sh): the same Quarkus and OIDC setup
 * and one JDBC point query on the benchmark's database, verifying tokens signed with the same key as the app's. Run
 * on the image's Java runtime when there is one (the JDK the image was linked from), with the app's JVM flags, so the
 * two are compared on the same JVM.
 */
final class ReferenceApp implements AutoCloseable {

    static final Path JAR = Path.of("bench/reference-app/target/quarkus-app/quarkus-run.jar");
    static final Path JDK25 = Path.of(System.getenv().getOrDefault("IMAGE_JDK", "/usr/lib/jvm/temurin-25-jdk-amd64"));

    private final ManagedProcess process;
    private final int port;

    private ReferenceApp(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static ReferenceApp start(BenchApp app, String urn, String name) throws Exception {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("No reference app at " + JAR + "; bash bench/run.sh builds it");
        }
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", EmbeddedPostgresStarter.jdbcUrl(app.postgres));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("QUARKUS_OIDC_PUBLIC_KEY", app.app.environment().get("QUARKUS_OIDC_PUBLIC_KEY"));
        Path java = Files.isExecutable(JDK25.resolve("bin/java"))
                ? JDK25.resolve("bin/java")
                : Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString()));
        command.addAll(PerformanceBenchmark.JVM_FLAGS);
        if (!java.startsWith(System.getProperty("java.home"))) {
            command.add("-XX:+UseCompactObjectHeaders");
        }
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        ManagedProcess process = ManagedProcess.start(
                name, command, env, List.of("QUARKUS_", "SMP_"), Path.of("target/" + name + ".log"));
        ReferenceApp reference = new ReferenceApp(process, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                HttpResponse<Void> response = app.http.send(
                        HttpRequest.newBuilder(reference.uri("/open/schools/" + urn))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return reference;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                process.close();
                throw new IllegalStateException("The reference app did not answer; see target/" + name + ".log");
            }
            Thread.sleep(100);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port).resolve(path);
    }

    @Override
    public void close() {
        process.close();
    }
}
