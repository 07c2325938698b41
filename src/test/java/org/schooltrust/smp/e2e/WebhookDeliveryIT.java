package org.schooltrust.smp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.PackagedApp;
import org.schooltrust.smp.support.WebhookReceiver;

/**
 * Two packaged instances on one PostgreSQL, both dispatching: 1,000 events reach a real receiver exactly once each,
 * signed so that the Standard Webhooks library verifies them.
 */
@EndToEnd
class WebhookDeliveryIT {

    private static final int EVENTS = 1000;
    private static final String OWN_SCHOOL = "100778";
    private static final String CRASH_SCHOOL = "100779";

    private final TrustApi api;

    WebhookDeliveryIT(TrustApi api) {
        this.api = api;
    }

    @Test
    void aReplicaKilledMidDeliveryLeavesItsDeliveriesToTheOtherAndNoneIsLost() throws Exception {
        int events = 300;
        try (WebhookReceiver receiver = new WebhookReceiver();
                PackagedApp replica = api.startReplica("app-" + api.realm().realmName() + "-doomed")) {
            // the doomed replica is the only dispatcher until it dies
            receiver.otherwise(new WebhookReceiver.Answer(200, 2000, Map.of()));
            String admin = api.userToken("tina");
            Map<String, Object> endpoint = new HashMap<>();
            endpoint.put("url", receiver.url("/crash"));
            endpoint.put("eventTypes", List.of("staff.created"));
            endpoint.put("identity", Map.of("role", "hr-sync"));
            var created = api.as(admin).body(endpoint).post("/api/v1/webhook-endpoints");
            created.then().statusCode(201);
            api.as(api.hrSync())
                    .body(Map.of("name", "Crash Academy", "status", "OPEN"))
                    .put("/api/v1/schools/{urn}", CRASH_SCHOOL)
                    .then()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
            String prefix = "WK" + (System.nanoTime() % 100_000) + "-";
            List<Map<String, Object>> records = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                records.add(TrustSeed.adult(prefix + i, "Web", "Hook", "SUPPORT_STAFF", CRASH_SCHOOL, "Volunteer"));
            }
            // committed through the doomed replica, the only one dispatching: it leases the deliveries
            io.restassured.RestAssured.given()
                    .baseUri(replica.baseUri().toString())
                    .auth()
                    .oauth2(api.hrSync())
                    .contentType("application/json")
                    .body(Map.of("records", records))
                    .post("/api/v1/staff/sync?mode=partial")
                    .then()
                    .statusCode(200);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (receiver.received().isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            // its attempts are at the receiver, their answers (2 s) not yet back
            int beforeKill = receiver.received().size();
            replica.process().kill();
            PackagedApp survivor = api.startReplica("app-" + api.realm().realmName() + "-survivor");

            deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (Set.copyOf(ids(receiver)).size() < events && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            List<String> ids = ids(receiver);
            Map<String, Long> counts = ids.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
            Set<String> repeated = counts.entrySet().stream()
                    .filter(e -> e.getValue() > 1)
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            E2eEnvironment.log(
                    "webhooks after a crash: %d attempts had reached the receiver when the kill began; %d deliveries,"
                            + " %d distinct, %d resent after the killed replica's leases ended",
                    beforeKill, ids.size(), counts.size(), repeated.size());
            assertThat(counts).as("none lost").hasSize(events);
            // never sent twice under one lease: each copy the receiver got is an attempt the service counted (a dead
            // replica's leased attempts count too), so a repeat is always "after a failure": a death or a timeout
            List<Map<String, Object>> deliveries = api.as(admin)
                    .queryParam("limit", 1000)
                    .get("/api/v1/webhook-endpoints/{id}/deliveries", (String) created.path("endpoint.id"))
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items");
            assertThat(deliveries).hasSize(events);
            for (Map<String, Object> delivery : deliveries) {
                long copies = counts.getOrDefault((String) delivery.get("eventId"), 0L);
                assertThat(copies)
                        .as("copies of %s received vs attempts made", delivery.get("eventId"))
                        .isLessThanOrEqualTo(((Number) delivery.get("attempts")).longValue());
            }
            api.as(admin)
                    .delete("/api/v1/webhook-endpoints/{id}", (String) created.path("endpoint.id"))
                    .then()
                    .statusCode(204);
            survivor.close();
        }
    }

    private static List<String> ids(WebhookReceiver receiver) {
        return receiver.received().stream().map(r -> r.header("webhook-id")).toList();
    }

    @Test
    void twoReplicasDeliverEachOfAThousandEventsExactlyOnce() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
                PackagedApp first = api.startReplica("app-" + api.realm().realmName() + "-replica-1");
                PackagedApp second = api.startReplica("app-" + api.realm().realmName() + "-replica-2")) {
            String admin = api.userToken("tina");
            Map<String, Object> endpoint = new HashMap<>();
            endpoint.put("url", receiver.url("/hr"));
            endpoint.put("eventTypes", List.of("staff.created"));
            endpoint.put("identity", Map.of("role", "hr-sync"));
            var created = api.as(admin).body(endpoint).post("/api/v1/webhook-endpoints");
            created.then().statusCode(201);
            String secret = created.path("secret");

            // adults of a school of this test's own, so the suite's visibility checks are not disturbed
            api.as(api.hrSync())
                    .body(Map.of("name", "Webhook Academy", "status", "OPEN"))
                    .put("/api/v1/schools/{urn}", OWN_SCHOOL)
                    .then()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
            String prefix = "WH" + (System.nanoTime() % 100_000) + "-";
            List<Map<String, Object>> records = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                records.add(
                        TrustSeed.adult(prefix + i, "Web", "Hook", "SUPPORT_STAFF", TrustSeed.SCHOOL_1, "Volunteer"));
            }
            Instant sent = Instant.now();
            api.as(api.hrSync())
                    .body(Map.of("records", records))
                    .post("/api/v1/staff/sync?mode=partial")
                    .then()
                    .statusCode(200);

            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (receiver.received().size() < EVENTS && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            Duration took = Duration.between(sent, Instant.now());
            List<WebhookReceiver.Received> received = receiver.received();
            List<String> ids =
                    received.stream().map(r -> r.header("webhook-id")).toList();
            Set<String> hrIds = received.stream()
                    .map(r -> new io.restassured.path.json.JsonPath(r.body()).getString("data.hrId"))
                    .collect(Collectors.toSet());
            E2eEnvironment.log(
                    "webhooks: %d deliveries, %d distinct, from 2 dispatching replicas, in %d ms",
                    received.size(), Set.copyOf(ids).size(), took.toMillis());
            assertThat(Set.copyOf(ids)).hasSize(EVENTS);
            assertThat(ids).as("none sent twice").hasSize(EVENTS);
            assertThat(hrIds).hasSize(EVENTS).allMatch(h -> h.startsWith(prefix));
            for (WebhookReceiver.Received r : received.subList(0, 10)) {
                Map<String, List<String>> headers = Map.of(
                        "webhook-id", List.of(r.header("webhook-id")),
                        "webhook-timestamp", List.of(r.header("webhook-timestamp")),
                        "webhook-signature", List.of(r.header("webhook-signature")));
                new Webhook(secret).verify(r.body(), headers);
            }
            api.as(admin)
                    .delete("/api/v1/webhook-endpoints/{id}", (String) created.path("endpoint.id"))
                    .then()
                    .statusCode(204);
        }
    }
}
