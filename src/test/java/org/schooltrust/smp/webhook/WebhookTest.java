package org.schooltrust.smp.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.agroal.api.AgroalDataSource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.Events;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;
import org.schooltrust.smp.support.WebhookReceiver;
import org.schooltrust.smp.support.WebhookReceiver.Answer;

/** Webhooks against a real HTTP receiver: Standard Webhooks signatures, retries, disabling, SSRF, recovery. */
@ApiTest
class WebhookTest {

    private static final String ENDPOINTS = "/api/v1/webhook-endpoints";

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    AgroalDataSource dataSource;

    WebhookReceiver receiver;
    String urn;
    String admin;

    @BeforeEach
    void aReceiverAndASchool() {
        receiver = new WebhookReceiver();
        urn = TestData.newSchool();
        admin = Tokens.trustAdmin();
    }

    @AfterEach
    void noEndpointOutlivesItsTest() {
        TestClock.get().reset();
        receiver.close();
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM webhook_endpoints")) {
            delete.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> endpoint(String path) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", receiver.url(path));
        body.put("description", "Test receiver");
        body.put("eventTypes", List.of("school.updated"));
        body.put("schools", List.of(urn));
        body.put("identity", Map.of("role", "trust-admin"));
        return body;
    }

    private JsonPath create(Map<String, Object> body) {
        Response created = Api.as(admin).body(body).post(ENDPOINTS);
        created.then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString(ENDPOINTS + "/"));
        return created.jsonPath();
    }

    private void rename(String name) {
        Api.as(admin)
                .body(Map.of("name", name, "status", "OPEN"))
                .put("/api/v1/schools/{urn}", urn)
                .then()
                .statusCode(200);
    }

    /** One dispatch round once everything written so far is settled (the fan-out reads only settled events). */
    private int dispatch() {
        Events.awaitSettled();
        return dispatcher.runOnce();
    }

    private static Map<String, List<String>> headers(WebhookReceiver.Received r) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
            headers.put(name, List.of(r.header(name)));
        }
        return headers;
    }

    /** An endpoint with {@code changes} over a valid one is a 422 naming {@code field}. */
    private void refused(Map<String, Object> changes, String field) {
        Map<String, Object> body = endpoint("/x");
        body.putAll(changes);
        Api.as(admin)
                .body(body)
                .post(ENDPOINTS)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem(field));
    }

    private List<Map<String, Object>> deliveries(String id) {
        return Api.as(admin)
                .get(ENDPOINTS + "/{id}/deliveries", id)
                .then()
                .statusCode(200)
                .extract()
                .path("items");
    }

    @Test
    void aChangeArrivesSignedAsTheStandardSaysAndVerifiesWithTheLibrary() throws Exception {
        JsonPath created = create(endpoint("/hooks"));
        String secret = created.getString("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        String id = created.getString("endpoint.id");
        Api.as(admin)
                .get(ENDPOINTS + "/{id}", id)
                .then()
                .statusCode(200)
                .body("secret", org.hamcrest.Matchers.nullValue());

        String cursor = Events.latest();
        rename("Signed " + urn);
        dispatch();

        assertThat(receiver.received()).hasSize(1);
        WebhookReceiver.Received r = receiver.received().get(0);
        new Webhook(secret).verify(r.body(), headers(r));
        JsonPath body = new JsonPath(r.body());
        assertThat(body.getString("type")).isEqualTo("school.updated");
        assertThat(body.getString("data.urn")).isEqualTo(urn);
        assertThat(body.getString("timestamp")).isNotBlank();
        Map<String, Object> event =
                Events.poll(admin, cursor, "school=" + urn).events().get(0);
        assertThat(r.header("webhook-id")).isEqualTo(event.get("id"));
        assertThat(r.header("webhook-signature")).startsWith("v1,");

        assertThatThrownBy(() -> new Webhook(
                                "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]))
                        .verify(r.body(), headers(r)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(secret).verify(r.body().replace(urn, "999999"), headers(r)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThat(deliveries(id))
                .singleElement()
                .satisfies(d -> assertThat(d.get("status")).isEqualTo("SUCCEEDED"));
    }

    @Test
    void theTableHoldsNoSecretAndAZeroOverlapRevokesTheOldOneAtOnce() throws Exception {
        JsonPath created = create(endpoint("/sealed"));
        String oldSecret = created.getString("secret");
        String id = created.getString("endpoint.id");
        String stored = Db.first("SELECT secret FROM webhook_endpoints WHERE id = ?::uuid", id);
        assertThat(stored)
                .as("a database dump holds no secret an MIS would accept")
                .startsWith("sealed:v1:")
                .doesNotContain(oldSecret)
                .doesNotContain(oldSecret.substring("whsec_".length()));

        String etag = Api.as(admin).get(ENDPOINTS + "/{id}", id).header("ETag");
        Response rotated = Api.as(admin)
                .header("If-Match", etag)
                .queryParam("overlap", "PT0S")
                .post(ENDPOINTS + "/{id}/rotate-secret", id);
        rotated.then().statusCode(200);
        String newSecret = rotated.path("secret");
        assertThat(Db.first("SELECT previous_secret FROM webhook_endpoints WHERE id = ?::uuid", id))
                .isNull();
        assertThat(Db.first("SELECT secret FROM webhook_endpoints WHERE id = ?::uuid", id))
                .doesNotContain(newSecret.substring("whsec_".length()));

        rename("Revoked " + urn);
        dispatch();
        WebhookReceiver.Received r = receiver.received().get(0);
        assertThat(r.header("webhook-signature").split(" ")).hasSize(1);
        new Webhook(newSecret).verify(r.body(), headers(r));
        assertThatThrownBy(() -> new Webhook(oldSecret).verify(r.body(), headers(r)))
                .isInstanceOf(WebhookVerificationException.class);

        String again = Api.as(admin).get(ENDPOINTS + "/{id}", id).header("ETag");
        Api.as(admin)
                .header("If-Match", again)
                .queryParam("overlap", "P30D")
                .post(ENDPOINTS + "/{id}/rotate-secret", id)
                .then()
                .statusCode(422);
    }

    @Test
    void afterARotationDeliveriesCarryTwoSignaturesAndBothVerify() throws Exception {
        JsonPath created = create(endpoint("/rotate"));
        String oldSecret = created.getString("secret");
        String id = created.getString("endpoint.id");
        String etag = Api.as(admin).get(ENDPOINTS + "/{id}", id).header("ETag");
        Response rotated = Api.as(admin).header("If-Match", etag).post(ENDPOINTS + "/{id}/rotate-secret", id);
        rotated.then().statusCode(200).body("endpoint.previousSecretUntil", org.hamcrest.Matchers.notNullValue());
        String newSecret = rotated.path("secret");
        assertThat(newSecret).isNotEqualTo(oldSecret);

        rename("Rotated " + urn);
        dispatch();
        WebhookReceiver.Received r = receiver.received().get(0);
        assertThat(r.header("webhook-signature").split(" ")).hasSize(2);
        new Webhook(newSecret).verify(r.body(), headers(r));
        new Webhook(oldSecret).verify(r.body(), headers(r));

        TestClock.get().advance(Duration.ofHours(25));
        rename("After overlap " + urn);
        dispatch();
        assertThat(receiver.received()).hasSize(2);
        assertThat(receiver.received().get(1).header("webhook-signature").split(" "))
                .hasSize(1);
    }

    @Test
    void aFailureIsRetriedOnScheduleThenSucceeds() {
        receiver.then(Answer.status(500));
        String id = create(endpoint("/retry")).getString("endpoint.id");
        rename("Retry " + urn);
        dispatch();
        assertThat(receiver.received()).hasSize(1);
        dispatch();
        assertThat(receiver.received()).as("not due again before its 5 s").hasSize(1);

        TestClock.get().advance(Duration.ofSeconds(6));
        dispatch();
        assertThat(receiver.received()).hasSize(2);
        assertThat(receiver.received().get(1).header("webhook-id"))
                .isEqualTo(receiver.received().get(0).header("webhook-id"));
        Map<String, Object> delivery = deliveries(id).get(0);
        assertThat(delivery.get("status")).isEqualTo("SUCCEEDED");
        List<Map<String, Object>> log = (List<Map<String, Object>>) delivery.get("attemptLog");
        assertThat(log).extracting(a -> a.get("statusCode")).containsExactly(500, 200);
        assertThat(log.get(0).get("errorClass")).isEqualTo("http-status");
        assertThat((String) log.get(0).get("responseExcerpt")).isEqualTo("answer 500");
    }

    @Test
    void retryAfterOnA429IsHonoured() {
        receiver.then(new Answer(429, 0, Map.of("Retry-After", "120")));
        create(endpoint("/busy"));
        rename("Busy " + urn);
        dispatch();
        TestClock.get().advance(Duration.ofSeconds(60));
        dispatch();
        assertThat(receiver.received())
                .as("the 5 s schedule gives way to Retry-After")
                .hasSize(1);
        TestClock.get().advance(Duration.ofSeconds(61));
        dispatch();
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void a410DisablesTheEndpointAndAnEventRecordsIt() {
        receiver.then(Answer.status(410));
        String id = create(endpoint("/gone")).getString("endpoint.id");
        String cursor = Events.latest();
        rename("Gone " + urn);
        dispatch();
        Api.as(admin)
                .get(ENDPOINTS + "/{id}", id)
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false))
                .body("disabledReason", org.hamcrest.Matchers.containsString("410"));
        assertThat(Events.poll(admin, cursor, "types=webhook_endpoint.disabled").events())
                .anySatisfy(e -> assertThat(((Map<?, ?>) e.get("data")).get("endpointId"))
                        .isEqualTo(id));
        rename("Gone again " + urn);
        dispatch();
        assertThat(receiver.received()).hasSize(1);

        String etag = Api.as(admin).get(ENDPOINTS + "/{id}", id).header("ETag");
        Api.as(admin)
                .header("If-Match", etag)
                .body(Map.of("enabled", true))
                .patch(ENDPOINTS + "/{id}", id)
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true))
                .body("disabledReason", org.hamcrest.Matchers.nullValue());
        dispatch();
        assertThat(receiver.received())
                .as("re-enabled: the queued event goes out")
                .hasSize(2);
    }

    @Test
    void anEndpointFailingEveryAttemptForFiveDaysIsDisabled() {
        receiver.otherwise(Answer.status(500));
        String id = create(endpoint("/down")).getString("endpoint.id");
        rename("Down " + urn);
        for (int i = 0; i < 8; i++) {
            dispatch();
            TestClock.get().advance(Duration.ofHours(11));
        }
        rename("Still down " + urn);
        TestClock.get().advance(Duration.ofHours(40));
        dispatch();
        Api.as(admin).get(ENDPOINTS + "/{id}", id).then().body("enabled", equalTo(false));
        Map<String, Object> first = deliveries(id).get(1);
        assertThat(first.get("status")).isEqualTo("FAILED");
        assertThat(first.get("attempts")).isEqualTo(8);
    }

    @Test
    void aTimeoutCountsAsAFailure() {
        receiver.then(new Answer(200, 4000, Map.of()));
        String id = create(endpoint("/slow")).getString("endpoint.id");
        rename("Slow " + urn);
        dispatch();
        Map<String, Object> delivery = deliveries(id).get(0);
        assertThat(delivery.get("status")).isEqualTo("PENDING");
        List<Map<String, Object>> log = (List<Map<String, Object>>) delivery.get("attemptLog");
        assertThat(log.get(0).get("errorClass")).isEqualTo("timeout");
    }

    @Test
    void aRedirectIsNotFollowedAndCountsAsAFailure() {
        receiver.then(new Answer(302, 0, Map.of("Location", receiver.url("/elsewhere"))));
        String id = create(endpoint("/moved")).getString("endpoint.id");
        rename("Moved " + urn);
        dispatch();
        assertThat(receiver.received()).hasSize(1);
        List<Map<String, Object>> log =
                (List<Map<String, Object>>) deliveries(id).get(0).get("attemptLog");
        assertThat(log.get(0).get("errorClass")).isEqualTo("redirect");
    }

    @Test
    void internalAddressesAndBadInputAreRefusedAndNothingIsWritten() {
        long before = Db.count("SELECT count(*) FROM webhook_endpoints");
        long audit = Db.count("SELECT count(*) FROM audit_events");
        for (String url : List.of(
                "https://10.0.0.1/hook",
                "https://192.168.1.20/hook",
                "https://172.16.0.5/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://127.0.0.2/hook",
                "https://[::1]/hook",
                "https://[fd00::1]/hook",
                "https://100.64.0.1/hook",
                "https://0.0.0.0/hook",
                "https://[64:ff9b::a9fe:a9fe]/latest/meta-data",
                "https://[2002:7f00:1::]/hook",
                "https://[::ffff:10.0.0.1]/hook",
                "http://example.com/hook",
                "ftp://example.com/hook",
                "https://user:secret@example.com/hook",
                "not a url")) {
            Map<String, Object> body = endpoint("/x");
            body.put("url", url);
            Api.as(admin)
                    .body(body)
                    .post(ENDPOINTS)
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"));
        }
        refused(Map.of("eventTypes", List.of("school.updated", "no.such")), "eventTypes[1]");
        refused(Map.of("eventTypes", java.util.Collections.nCopies(65, "school.updated")), "eventTypes");
        refused(Map.of("identity", Map.of("role", "mis")), "identity.schools");
        refused(Map.of("identity", Map.of("role", "staff")), "identity.role");
        Api.as(admin).body("{\"url\": ").post(ENDPOINTS).then().statusCode(400);
        Api.as(Tokens.hrSync()).body(endpoint("/x")).post(ENDPOINTS).then().statusCode(403);
        Api.as(Tokens.mis(urn)).get(ENDPOINTS).then().statusCode(403);
        Api.as(admin).get(ENDPOINTS + "/{id}", UUID.randomUUID()).then().statusCode(404);
        Api.as(admin).get(ENDPOINTS + "/not-a-uuid").then().statusCode(422);
        assertThat(Db.count("SELECT count(*) FROM webhook_endpoints")).isEqualTo(before);
        assertThat(Db.count("SELECT count(*) FROM audit_events")).isEqualTo(audit);
    }

    @Test
    void aDeliveryCanBeSentAgainAndFailedOnesRecovered() {
        receiver.otherwise(Answer.status(500));
        String id = create(endpoint("/recover")).getString("endpoint.id");
        Instant since = Instant.now().minusSeconds(60);
        rename("Recover " + urn);
        for (int i = 0; i < 8; i++) {
            dispatch();
            TestClock.get().advance(Duration.ofHours(11));
        }
        assertThat(deliveries(id).get(0).get("status")).isEqualTo("FAILED");
        assertThat(receiver.received()).hasSize(8);

        receiver.otherwise(Answer.status(200));
        Api.as(admin)
                .body(Map.of("since", since.toString()))
                .post(ENDPOINTS + "/{id}/recover", id)
                .then()
                .statusCode(202)
                .body("queued", equalTo(1));
        dispatch();
        assertThat(deliveries(id).get(0).get("status")).isEqualTo("SUCCEEDED");

        String deliveryId = (String) deliveries(id).get(0).get("id");
        Api.as(admin)
                .post(ENDPOINTS + "/{id}/deliveries/{d}/redeliver", id, deliveryId)
                .then()
                .statusCode(202);
        dispatch();
        assertThat(receiver.received()).hasSize(10);
        assertThat(receiver.received().get(9).header("webhook-id"))
                .isEqualTo(receiver.received().get(0).header("webhook-id"));
        Api.as(admin)
                .post(ENDPOINTS + "/{id}/deliveries/{d}/redeliver", id, UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @Test
    void aRedeliveryQueuedWhileAnAttemptIsInFlightIsNotOverwrittenByIt() throws Exception {
        receiver.then(new Answer(200, 1500, Map.of()));
        String id = create(endpoint("/inflight")).getString("endpoint.id");
        rename("In flight " + urn);
        Events.awaitSettled();
        dispatcher.fanOut();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> inFlight = pool.submit(() -> dispatcher.runOnce());
            while (receiver.received().isEmpty()) {
                Thread.sleep(20);
            }
            String deliveryId = (String) deliveries(id).get(0).get("id");
            Api.as(admin)
                    .post(ENDPOINTS + "/{id}/deliveries/{d}/redeliver", id, deliveryId)
                    .then()
                    .statusCode(202);
            inFlight.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(deliveries(id).get(0).get("status"))
                .as("the redelivery stands")
                .isEqualTo("PENDING");
        dispatch();
        assertThat(receiver.received()).as("the in-flight lease is not stolen").hasSize(1);
        TestClock.get().advance(Duration.ofSeconds(60));
        dispatch();
        assertThat(receiver.received()).hasSize(2);
        assertThat(deliveries(id).get(0).get("status")).isEqualTo("SUCCEEDED");
    }

    @Test
    void aBodyThatStallsAfterTheHeadersIsCutOffAsATimeout() {
        receiver.then(Answer.stalling());
        String id = create(endpoint("/stall")).getString("endpoint.id");
        rename("Stall " + urn);
        long started = System.nanoTime();
        dispatch();
        assertThat((System.nanoTime() - started) / 1_000_000)
                .as("the dispatcher is not held")
                .isLessThan(10_000);
        List<Map<String, Object>> log =
                (List<Map<String, Object>>) deliveries(id).get(0).get("attemptLog");
        assertThat(log.get(0).get("errorClass")).isEqualTo("timeout");
    }

    @Test
    void deletingAnEndpointDuringASendDoesNotUndoTheOthersInTheBatch() throws Exception {
        receiver.otherwise(new Answer(200, 800, Map.of()));
        String doomed = create(endpoint("/doomed")).getString("endpoint.id");
        String kept = create(endpoint("/kept")).getString("endpoint.id");
        rename("Batch " + urn);
        Events.awaitSettled();
        dispatcher.fanOut();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> inFlight = pool.submit(() -> dispatcher.runOnce());
            while (receiver.received().isEmpty()) {
                Thread.sleep(20);
            }
            Api.as(admin).delete(ENDPOINTS + "/{id}", doomed).then().statusCode(204);
            inFlight.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(deliveries(kept).get(0).get("status")).isEqualTo("SUCCEEDED");
        dispatch();
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void aPingIsSentAtOnce() {
        String id = create(endpoint("/ping")).getString("endpoint.id");
        Api.as(admin)
                .post(ENDPOINTS + "/{id}/ping", id)
                .then()
                .statusCode(202)
                .body("eventType", equalTo("webhook.ping"));
        dispatch();
        assertThat(new JsonPath(receiver.received().get(0).body()).getString("type"))
                .isEqualTo("webhook.ping");
        assertThat(new JsonPath(receiver.received().get(0).body()).getString("data.endpointId"))
                .isEqualTo(id);
    }

    @Test
    void aRolledBackChangeSendsNothing() throws Exception {
        create(endpoint("/rollback"));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO events (id, type, occurred_at, school_urn, data, payload) VALUES (?, 'school.updated',"
                            + " now(), ?, '{}'::jsonb, '{\"type\":\"school.updated\",\"data\":{}}')")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, urn);
                insert.executeUpdate();
            }
            c.rollback();
        }
        Api.as(admin)
                .body(Map.of("name", "", "status", "OPEN"))
                .put("/api/v1/schools/{urn}", urn)
                .then()
                .statusCode(422);
        dispatch();
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void concurrentDispatchersSendEachEventOnce() throws Exception {
        create(endpoint("/many"));
        for (int i = 0; i < 40; i++) {
            rename("Many " + i + " " + urn);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> dispatcher.runOnce()));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        dispatch();
        List<String> ids =
                receiver.received().stream().map(r -> r.header("webhook-id")).toList();
        Set<String> distinct = new HashSet<>(ids);
        assertThat(ids).hasSize(40);
        assertThat(distinct).hasSize(40);
    }
}
