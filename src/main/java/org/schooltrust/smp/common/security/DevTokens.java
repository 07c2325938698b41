package org.schooltrust.smp.common.security;

import io.quarkus.arc.profile.IfBuildProfile;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Dev mode only: {@code GET /dev/token/{user}} fetches an access token for a dev user from Quarkus' in-process dev OIDC
 * server (whose port changes on every start), so the README's curl examples work without looking the port up.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevTokens {

    private final HttpClient http = HttpClient.newHttpClient();

    void register(@Observes Router router) {
        router.get("/dev/token/:user").handler(this::token);
    }

    private void token(RoutingContext rc) {
        String user = rc.pathParam("user");
        rc.vertx()
                .executeBlocking(() -> fetch(user))
                .onSuccess(body -> rc.response()
                        .putHeader("Content-Type", "application/json")
                        .end(body))
                .onFailure(rc::fail);
    }

    private String fetch(String user) throws Exception {
        String server = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        String form = "grant_type=password&client_id=quarkus-app&client_secret=secret&username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.replaceAll("/$", "") + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
