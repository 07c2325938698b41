package org.schooltrust.smp.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.config.LogConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.Map;
import org.schooltrust.smp.support.PackagedApp;

/**
 * What an {@link EndToEnd} test talks to: the packaged app configured for one {@link Realm}, and that realm's Keycloak
 * for real tokens. The register holds the {@link TrustSeed}, written by {@code hr-sync} when the app started.
 */
public final class TrustApi {

    private static final RestAssuredConfig LOG_FAILURES = RestAssuredConfig.config()
            .logConfig(LogConfig.logConfig().enableLoggingOfRequestAndResponseIfValidationFails());

    private final Realm realm;
    private final Keycloak keycloak;
    private final PackagedApp app;
    private Map<String, Object> seedSync;

    TrustApi(Realm realm, Keycloak keycloak, PackagedApp app) {
        this.realm = realm;
        this.keycloak = keycloak;
        this.app = app;
    }

    public Realm realm() {
        return realm;
    }

    /**
     * Another instance of the packaged app on this app's PostgreSQL, configured alike but dispatching webhooks (the
     * shared instance does not); the caller closes it.
     */
    public PackagedApp startReplica(String name) {
        java.util.Map<String, String> env =
                new java.util.LinkedHashMap<>(realm.appEnv(keycloak.issuer(realm.realmName())));
        env.put("SMP_WEBHOOKS_DISPATCHER_ENABLED", "true");
        return PackagedApp.replicaOf(
                app,
                name,
                java.nio.file.Path.of(System.getProperty("e2e.app.jar", PackagedApp.DEFAULT_JAR.toString())),
                env,
                java.nio.file.Path.of(System.getProperty("e2e.logs", "target/e2e-logs"))
                        .resolve(name + ".log"));
    }

    public URI baseUri() {
        return app.baseUri();
    }

    /** A request to the app with the token as bearer. */
    public RequestSpecification as(String token) {
        return anonymous().auth().oauth2(token);
    }

    public RequestSpecification anonymous() {
        return given().config(LOG_FAILURES)
                .baseUri(app.baseUri().toString())
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** A client-credentials token of this realm (secret {@code <clientId>-secret}). */
    public String clientToken(String clientId) {
        return keycloak.clientCredentials(realm.realmName(), clientId);
    }

    /** Trust HR's client-credentials token. */
    public String hrSync() {
        return clientToken("hr-sync");
    }

    /** A password-grant token of a realm user on the {@code staff-portal} client (password {@code <user>-pw}). */
    public String userToken(String username) {
        return keycloak.password(realm.realmName(), username);
    }

    /** Adds a new, preferred signing key to this realm (see {@link Keycloak#rotateSigningKey}). */
    public void rotateSigningKey() {
        keycloak.rotateSigningKey(realm.realmName());
    }

    /** The answer of the full {@code hr-sync} staff sync that seeded this app. */
    public Map<String, Object> seedSync() {
        return seedSync;
    }

    void seeded(Map<String, Object> sync) {
        this.seedSync = Map.copyOf(sync);
    }

    PackagedApp app() {
        return app;
    }

    @Override
    public String toString() {
        return realm + " / " + app;
    }
}
