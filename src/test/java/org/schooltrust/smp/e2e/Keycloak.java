package org.schooltrust.smp.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.schooltrust.smp.support.ManagedProcess;
import org.schooltrust.smp.support.PackagedApp;

/**
 * A real Keycloak (the {@code keycloak-quarkus-dist} zip that the {@code e2e} Maven profile unpacks into target/) in
 * dev mode on loopback, with the realms of {@code src/test/e2e/keycloak} imported fresh on every start.
 */
final class Keycloak implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final AtomicInteger ROTATIONS = new AtomicInteger();

    private final ManagedProcess process;
    private final URI baseUri;
    private final String adminPassword;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Keycloak(ManagedProcess process, URI baseUri, String adminPassword) {
        this.process = process;
        this.baseUri = baseUri;
        this.adminPassword = adminPassword;
    }

    /** Starts Keycloak and waits until every realm answers its discovery document. */
    static Keycloak start(Path home, Path realmsDir, List<String> realms, Path log) {
        Path kcSh = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(kcSh)) {
            throw new IllegalStateException("No Keycloak at " + home.toAbsolutePath() + "; run ./mvnw verify -Pe2e");
        }
        resetData(home, realmsDir);
        int port = PackagedApp.freePort();
        String adminPassword = UUID.randomUUID().toString();
        URI baseUri = URI.create("http://127.0.0.1:" + port);
        List<String> command = List.of(
                "bash",
                kcSh.toAbsolutePath().toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                // pinned, or the token issuer would follow each request's Host header
                "--hostname=" + baseUri,
                "--http-management-port=" + PackagedApp.freePort(),
                "--import-realm");
        Map<String, String> env = Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME",
                "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD",
                adminPassword,
                "JAVA_HOME",
                System.getProperty("java.home"));
        ManagedProcess process = ManagedProcess.start("keycloak", command, env, List.of("KC_", "KEYCLOAK_"), log);
        Keycloak keycloak = new Keycloak(process, baseUri, adminPassword);
        try {
            keycloak.awaitRealms(realms);
            return keycloak;
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    /** A fresh H2 database each start, so a changed realm file is always imported (import skips existing realms). */
    private static void resetData(Path home, Path realmsDir) {
        Path data = home.resolve("data");
        try {
            if (Files.exists(data)) {
                try (Stream<Path> paths = Files.walk(data)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Path imports = Files.createDirectories(data.resolve("import"));
            try (Stream<Path> files = Files.list(realmsDir)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    Files.copy(file, imports.resolve(file.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitRealms(List<String> realms) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        List<String> waiting = new ArrayList<>(realms);
        while (!waiting.isEmpty()) {
            process.requireAlive();
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Keycloak did not serve realms " + waiting + " within "
                        + READY_TIMEOUT.toSeconds() + " s; see " + process.log().toAbsolutePath());
            }
            waiting.removeIf(realm -> status(issuer(realm) + "/.well-known/openid-configuration") == 200);
            if (!waiting.isEmpty()) {
                sleep(Duration.ofMillis(500));
            }
        }
    }

    private int status(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    ManagedProcess process() {
        return process;
    }

    /** The realm's issuer, which is also the app's {@code QUARKUS_OIDC_AUTH_SERVER_URL}. */
    String issuer(String realm) {
        return baseUri + "/realms/" + realm;
    }

    /** Client-credentials grant; every confidential client of the test realms has the secret {@code <id>-secret}. */
    String clientCredentials(String realm, String clientId) {
        return token(
                realm,
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        clientId,
                        "client_secret",
                        clientId + "-secret"));
    }

    /** Password grant on the public {@code staff-portal} client; every test user's password is {@code <user>-pw}. */
    String password(String realm, String username) {
        return token(
                realm,
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "staff-portal",
                        "username",
                        username,
                        "password",
                        username + "-pw"));
    }

    private String token(String realm, Map<String, String> form) {
        JsonNode body = post(issuer(realm) + "/protocol/openid-connect/token", form, null);
        return body.path("access_token").asText();
    }

    /**
     * Adds a new RSA signing key with a higher priority than the realm's current one, as a scheduled key rotation
     * would: new tokens carry the new {@code kid}, the old key still verifies tokens already issued.
     */
    void rotateSigningKey(String realm) {
        String admin = token(
                "master",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "admin-cli",
                        "username",
                        "admin",
                        "password",
                        adminPassword));
        String realmId =
                get(baseUri + "/admin/realms/" + realm, admin).path("id").asText();
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("name", "rotated-" + System.currentTimeMillis());
        component.put("providerId", "rsa-generated");
        component.put("providerType", "org.keycloak.keys.KeyProvider");
        component.put("parentId", realmId);
        component.put("config", Map.of("priority", List.of(Integer.toString(ROTATIONS.incrementAndGet() + 1000))));
        send(HttpRequest.newBuilder(URI.create(baseUri + "/admin/realms/" + realm + "/components"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(component))));
    }

    private JsonNode get(String url, String bearer) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer));
    }

    private JsonNode post(String url, Map<String, String> form, String bearer) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            HttpRequest sent = response.request();
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to " + sent.method()
                        + " " + sent.uri() + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops Keycloak by its PID (and the JVM that {@code kc.sh} started). */
    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return process + " on " + baseUri;
    }
}
