package org.schooltrust.smp.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.schooltrust.smp.common.db.EmbeddedPostgresStarter;

/**
 * The packaged application ({@code java -jar target/quarkus-app/quarkus-run.jar}) on its own embedded PostgreSQL,
 * configured only by environment variables, as production starts it. Used by the end-to-end suite and the benchmark.
 * Inherited {@code QUARKUS_*} and {@code SMP_*} variables are dropped so the caller's environment cannot leak in.
 */
public final class PackagedApp implements AutoCloseable {

    public static final Path DEFAULT_JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    /** The key sealing webhook secrets: every replica of one database needs the same one, as in production. */
    static final String WEBHOOK_SECRET_KEY = "dGVzdC13ZWJob29rLXNlY3JldC1rZXktMzJieXRlcyE=";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final EmbeddedPostgres postgres;
    private final AutoCloseable postgresReaper;
    private final List<String> command;
    private final Map<String, String> appEnv;
    private ManagedProcess process;
    private final int port;
    private final int managementPort;

    private PackagedApp(
            EmbeddedPostgres postgres,
            AutoCloseable postgresReaper,
            List<String> command,
            Map<String, String> appEnv,
            ManagedProcess process,
            int port,
            int managementPort) {
        this.postgres = postgres;
        this.postgresReaper = postgresReaper;
        this.command = List.copyOf(command);
        this.appEnv = Map.copyOf(appEnv);
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
    }

    /**
     * Starts PostgreSQL and the app, and waits until {@code /q/health/ready} answers 200.
     *
     * @param env the app's configuration besides the database and HTTP port, e.g. {@code QUARKUS_OIDC_AUTH_SERVER_URL}
     * @param jvmArgs options before {@code -jar}, e.g. {@code -Xmx512m}
     */
    public static PackagedApp start(String name, Path jar, Map<String, String> env, List<String> jvmArgs, Path log) {
        return start(name, Launcher.configured(jar), env, jvmArgs, log);
    }

    /** Starts PostgreSQL and the app the launcher starts (a jar on a JDK, or the image's root filesystem). */
    public static PackagedApp start(
            String name, Launcher launcher, Map<String, String> env, List<String> jvmArgs, Path log) {
        launcher.check();
        // Our own data directory, so that the postmaster can be stopped by the PID in its postmaster.pid even if the
        // JVM exits while PostgreSQL is still starting (zonky registers its own shutdown hook only once it is up).
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("smp-" + name + "-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AutoCloseable postgresReaper = ManagedProcess.onShutdown(() -> stopPostgres(dataDir));
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgresStarter.start(dataDir);
        } catch (RuntimeException e) {
            stopPostgres(dataDir);
            closeQuietly(postgresReaper);
            throw new IllegalStateException("Could not start PostgreSQL for " + name, e);
        }
        ManagedProcess process = null;
        try {
            int port = freePort();
            int managementPort = freePort();
            Map<String, String> appEnv = new LinkedHashMap<>();
            appEnv.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            appEnv.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
            appEnv.put("QUARKUS_DATASOURCE_JDBC_URL", EmbeddedPostgresStarter.jdbcUrl(postgres));
            appEnv.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            appEnv.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
            // webhook secrets are stored sealed with a key from outside the database; a caller may set its own
            appEnv.put("SMP_WEBHOOKS_SECRET_KEY", WEBHOOK_SECRET_KEY);
            appEnv.putAll(env);
            List<String> command = launcher.command(jvmArgs);
            process = ManagedProcess.start(name, command, appEnv, List.of("QUARKUS_", "SMP_"), log);
            PackagedApp app = new PackagedApp(postgres, postgresReaper, command, appEnv, process, port, managementPort);
            app.awaitReady();
            return app;
        } catch (RuntimeException e) {
            if (process != null) {
                process.close();
            }
            closeQuietly(postgres);
            closeQuietly(postgresReaper);
            throw e;
        }
    }

    /**
     * A second instance of the app on another instance's PostgreSQL (a replica), configured like it; closing it stops
     * only this process.
     */
    public static PackagedApp replicaOf(PackagedApp primary, String name, Path jar, Map<String, String> env, Path log) {
        int port = freePort();
        int managementPort = freePort();
        Map<String, String> appEnv = new LinkedHashMap<>();
        appEnv.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        appEnv.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        appEnv.put("QUARKUS_DATASOURCE_JDBC_URL", EmbeddedPostgresStarter.jdbcUrl(primary.postgres));
        appEnv.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        appEnv.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        appEnv.put("SMP_WEBHOOKS_SECRET_KEY", WEBHOOK_SECRET_KEY);
        appEnv.putAll(env);
        List<String> command = Launcher.configured(jar).command(List.of());
        ManagedProcess process = ManagedProcess.start(name, command, appEnv, List.of("QUARKUS_", "SMP_"), log);
        PackagedApp replica = new PackagedApp(null, null, command, appEnv, process, port, managementPort);
        try {
            replica.awaitReady();
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        return replica;
    }

    /**
     * Another process of the app on this instance's PostgreSQL, started by {@code launcher} with this instance's
     * environment plus {@code env} (e.g. {@code SMP_TOKEN_CACHE_ENABLED=false}), polled every 10 ms until ready, so
     * the time it took is a start-to-ready figure on an already migrated database.
     */
    public PackagedApp replica(
            String name, Launcher launcher, List<String> jvmArgs, Map<String, String> env, Path log) {
        launcher.check();
        int port = freePort();
        int managementPort = freePort();
        Map<String, String> replicaEnv = new LinkedHashMap<>(appEnv);
        replicaEnv.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        replicaEnv.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        replicaEnv.putAll(env);
        List<String> replicaCommand = launcher.command(jvmArgs);
        ManagedProcess started =
                ManagedProcess.start(name, replicaCommand, replicaEnv, List.of("QUARKUS_", "SMP_"), log);
        PackagedApp replica = new PackagedApp(null, null, replicaCommand, replicaEnv, started, port, managementPort);
        try {
            replica.awaitReady(Duration.ofMillis(10));
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return replica;
    }

    /** The environment the app was started with (the database, the ports, the caller's settings). */
    public Map<String, String> environment() {
        return appEnv;
    }

    /**
     * How the app is started: {@code java [options] -jar JAR} on a JDK (by default the one running this code), or the
     * image's entrypoint from its unpacked root filesystem ({@code src/main/image/chroot-run ROOTFS [options]}), which
     * runs the image's own Java runtime and AOT cache as uid 1001. The system property {@code e2e.app.image} (a root
     * filesystem, e.g. {@code target/image/rootfs}) makes every app of the end-to-end suite the image.
     */
    public record Launcher(String description, List<String> prefix, boolean optionsLast, Path checked) {

        public static Launcher jar(Path jar) {
            return jar(Path.of(System.getProperty("java.home")), jar);
        }

        public static Launcher jar(Path javaHome, Path jar) {
            return new Launcher(
                    "java -jar on " + javaHome,
                    List.of(
                            javaHome.resolve("bin/java").toString(),
                            "-jar",
                            jar.toAbsolutePath().toString()),
                    false,
                    jar);
        }

        public static Launcher image(Path rootfs) {
            return new Launcher(
                    "the image " + rootfs,
                    List.of(
                            "bash",
                            Path.of("src/main/image/chroot-run")
                                    .toAbsolutePath()
                                    .toString(),
                            rootfs.toAbsolutePath().toString()),
                    true,
                    rootfs.resolve("opt/smp/bin/run"));
        }

        /** The image when {@code e2e.app.image} names one, otherwise this jar on the running JDK. */
        public static Launcher configured(Path jar) {
            String image = System.getProperty("e2e.app.image", "");
            return image.isBlank() ? jar(jar) : image(Path.of(image));
        }

        List<String> command(List<String> jvmOptions) {
            List<String> command = new ArrayList<>();
            if (optionsLast) {
                command.addAll(prefix);
                command.addAll(jvmOptions);
            } else {
                command.add(prefix.get(0));
                command.addAll(jvmOptions);
                command.addAll(prefix.subList(1, prefix.size()));
            }
            return command;
        }

        void check() {
            if (!Files.exists(checked)) {
                throw new IllegalStateException("No packaged app at " + checked.toAbsolutePath()
                        + "; run ./mvnw package (or ./mvnw package -Pimage for the image) first");
            }
        }
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public URI uri(String path) {
        return baseUri().resolve(path);
    }

    /** A path on the management interface (health, metrics), which has its own port. */
    public URI managementUri(String path) {
        return URI.create("http://127.0.0.1:" + managementPort).resolve(path);
    }

    public EmbeddedPostgres postgres() {
        return postgres;
    }

    public ManagedProcess process() {
        return process;
    }

    /**
     * Stops the app and starts it again with the same command, environment and ports on the same database (its schema
     * already migrated), logging to {@code log}; returns the time from starting the process until
     * {@code /q/health/ready} answered 200.
     */
    public Duration restart(Path log) {
        process.close();
        long start = System.nanoTime();
        process = ManagedProcess.start(process.name(), command, appEnv, List.of("QUARKUS_", "SMP_"), log);
        try {
            awaitReady(Duration.ofMillis(10));
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The app's operating-system process id (the JVM itself: the command is {@code java -jar}). */
    public long pid() {
        return process.pid();
    }

    private void awaitReady() {
        awaitReady(Duration.ofMillis(250));
    }

    private void awaitReady(Duration pollInterval) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(managementUri("/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            process.requireAlive();
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + process, e);
            }
            sleep(pollInterval);
        }
        throw new IllegalStateException(process + " was not ready within " + READY_TIMEOUT.toSeconds() + " s; see "
                + process.log().toAbsolutePath());
    }

    /** Stops the app (by PID), then PostgreSQL. */
    @Override
    public void close() {
        process.close();
        if (postgres != null) {
            closeQuietly(postgres);
            closeQuietly(postgresReaper);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // the run is over; the shutdown hooks are the last resort
        }
    }

    private static void stopPostgres(Path dataDir) {
        ManagedProcess.stopByPidFile(dataDir.resolve("postmaster.pid"));
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // already removed
        }
    }

    @Override
    public String toString() {
        return process + " on " + baseUri();
    }
}
