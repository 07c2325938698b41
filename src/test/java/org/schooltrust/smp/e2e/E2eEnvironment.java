package org.schooltrust.smp.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.schooltrust.smp.support.PackagedApp;

/**
 * Everything the end-to-end suite starts, once per test JVM: one Keycloak with every {@link Realm} imported, and per
 * realm (on first use) the packaged app on its own embedded PostgreSQL, seeded by {@code hr-sync}. Closing it stops
 * every process by PID; {@link org.schooltrust.smp.support.ManagedProcess} also does so from a shutdown hook.
 *
 * <p>Paths come from system properties the {@code e2e} Maven profile sets; the defaults suit a run from the IDE after
 * {@code ./mvnw verify -Pe2e} has unpacked Keycloak once.
 */
final class E2eEnvironment implements AutoCloseable {

    private final long startedAt;
    private final Path logs;
    private final Path jar;
    private final Keycloak keycloak;
    private final Map<Realm, TrustApi> apps = new EnumMap<>(Realm.class);
    private final Map<Realm, Throwable> failures = new EnumMap<>(Realm.class);

    private E2eEnvironment(long startedAt, Path logs, Path jar, Keycloak keycloak) {
        this.startedAt = startedAt;
        this.logs = logs;
        this.jar = jar;
        this.keycloak = keycloak;
    }

    static E2eEnvironment start() {
        Path logs = Path.of(System.getProperty("e2e.logs", "target/e2e-logs"));
        Path jar = Path.of(System.getProperty("e2e.app.jar", PackagedApp.DEFAULT_JAR.toString()));
        Path realms = Path.of(System.getProperty("e2e.realms", "src/test/e2e/keycloak"));
        Path home = keycloakHome();
        long t0 = System.nanoTime();
        Keycloak keycloak = Keycloak.start(
                home,
                realms,
                Arrays.stream(Realm.values()).map(Realm::realmName).toList(),
                logs.resolve("keycloak.log"));
        log(
                "Keycloak ready in %d s: %s (log %s)",
                seconds(t0), keycloak, keycloak.process().log());
        return new E2eEnvironment(t0, logs, jar, keycloak);
    }

    private static Path keycloakHome() {
        String configured = System.getProperty("e2e.keycloak.home");
        if (configured != null) {
            return Path.of(configured);
        }
        try (Stream<Path> candidates = Files.list(Path.of("target/e2e"))) {
            return candidates
                    .filter(p -> p.getFileName().toString().startsWith("keycloak-"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Keycloak under target/e2e"));
        } catch (IOException e) {
            throw new UncheckedIOException("No Keycloak unpacked yet: run ./mvnw verify -Pe2e once", e);
        }
    }

    /** The app for this realm, started and seeded on first use; a failed start is not retried. */
    synchronized TrustApi app(Realm realm) {
        TrustApi api = apps.get(realm);
        if (api != null) {
            return api;
        }
        Throwable failed = failures.get(realm);
        if (failed != null) {
            throw new IllegalStateException("The app for " + realm + " failed to start earlier", failed);
        }
        long t0 = System.nanoTime();
        PackagedApp app = null;
        try {
            app = PackagedApp.start(
                    "app-" + realm.realmName(),
                    jar,
                    realm.appEnv(keycloak.issuer(realm.realmName())),
                    List.of(),
                    logs.resolve("app-" + realm.realmName() + ".log"));
            api = new TrustApi(realm, keycloak, app);
            TrustSeed.apply(api);
            apps.put(realm, api);
            log("App for %s ready and seeded in %d s: %s", realm, seconds(t0), app);
            return api;
        } catch (RuntimeException | Error e) {
            failures.put(realm, e);
            if (app != null) {
                app.close();
            }
            throw e;
        }
    }

    /** Stops every app (and its PostgreSQL), then Keycloak; each by PID. */
    @Override
    public synchronized void close() {
        List<String> stopped = new ArrayList<>();
        for (TrustApi api : apps.values()) {
            stopped.add(api.app().process().toString());
            api.app().close();
        }
        apps.clear();
        stopped.add(keycloak.process().toString());
        keycloak.close();
        log("Stopped %s; environment was up %d s", String.join(", ", stopped), seconds(startedAt));
    }

    private static long seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000L;
    }

    static void log(String format, Object... args) {
        System.out.printf("[e2e] " + format + "%n", args);
    }
}
