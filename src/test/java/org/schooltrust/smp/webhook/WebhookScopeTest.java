package org.schooltrust.smp.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.Events;
import org.schooltrust.smp.support.Holds;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;
import org.schooltrust.smp.support.WebhookReceiver;
import org.schooltrust.smp.support.WebhookReceiver.Answer;

/**
 * Deliveries stay in scope at send time (issue 25): narrowing an endpoint or moving its URL stops what is queued for
 * the old scope or address from leaving — across retries and redeliveries — and it is logged as DROPPED.
 */
@ApiTest
class WebhookScopeTest {

    private static final String ENDPOINTS = "/api/v1/webhook-endpoints";

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    AgroalDataSource dataSource;

    WebhookReceiver receiver;
    String a;
    String b;
    String admin;

    @BeforeEach
    void setUp() {
        receiver = new WebhookReceiver();
        a = TestData.newSchool();
        b = TestData.newSchool();
        admin = Tokens.trustAdmin();
    }

    @AfterEach
    void tearDown() throws Exception {
        TestClock.get().reset();
        receiver.close();
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM webhook_endpoints")) {
            delete.executeUpdate();
        }
    }

    private void dispatch() {
        Events.awaitSettled();
        dispatcher.runOnce();
    }

    private String endpoint(String path) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", receiver.url(path));
        body.put("description", "Scope test");
        body.put("eventTypes", List.of("school.updated"));
        body.put("schools", List.of(a, b));
        body.put("identity", Map.of("role", "trust-admin"));
        return Api.as(admin)
                .body(body)
                .post(ENDPOINTS)
                .then()
                .statusCode(201)
                .extract()
                .path("endpoint.id");
    }

    private void rename(String urn) {
        Api.as(admin)
                .body(Map.of("name", "Renamed " + urn + " " + System.nanoTime(), "status", "OPEN"))
                .put("/api/v1/schools/{urn}", urn)
                .then()
                .statusCode(200);
    }

    private void patch(String id, Map<String, Object> changes) {
        Api.as(admin).body(changes).patch(ENDPOINTS + "/{id}", id).then().statusCode(200);
    }

    private List<Map<String, Object>> deliveries(String id) {
        return Api.as(admin)
                .get(ENDPOINTS + "/{id}/deliveries", id)
                .then()
                .statusCode(200)
                .extract()
                .path("items");
    }

    private List<String> schoolsReceived() {
        return receiver.received().stream()
                .map(r -> r.body().contains(a) ? a : r.body().contains(b) ? b : "?")
                .toList();
    }

    @Test
    void aNarrowedEndpointReceivesNothingOutsideItsNewScopeAcrossRetryAndRedelivery() {
        receiver.then(Answer.status(500), Answer.status(500));
        String id = endpoint("/narrowed");
        rename(a);
        rename(b);
        dispatch();
        assertThat(receiver.received()).hasSize(2); // both failed, both due for a retry

        patch(id, Map.of("schools", List.of(a))); // the consumer no longer acts for b
        TestClock.get().advance(Duration.ofSeconds(6));
        dispatch();
        assertThat(schoolsReceived().subList(2, schoolsReceived().size())).containsExactly(a);
        Map<String, Object> dropped = deliveries(id).stream()
                .filter(d -> "DROPPED".equals(d.get("status")))
                .findFirst()
                .orElseThrow();
        assertThat((String) dropped.get("droppedReason")).contains("out of scope");

        // a redelivery of the dropped one is checked again, and not sent
        Api.as(admin)
                .post(ENDPOINTS + "/{id}/deliveries/{d}/redeliver", id, dropped.get("id"))
                .then()
                .statusCode(202);
        int before = receiver.received().size();
        dispatch();
        assertThat(receiver.received()).hasSize(before);
        assertThat(schoolsReceived()).filteredOn(b::equals).hasSize(1); // only its first, failed attempt
    }

    @Test
    void aMovedEndpointGetsNoBacklogUnlessAskedToCarryItOver() {
        receiver.then(Answer.status(500));
        String id = endpoint("/old");
        rename(a);
        dispatch();
        assertThat(receiver.received()).hasSize(1);

        patch(id, Map.of("url", receiver.url("/new")));
        TestClock.get().advance(Duration.ofSeconds(6));
        dispatch();
        assertThat(receiver.received()).hasSize(1);
        assertThat(deliveries(id)).extracting(d -> d.get("status")).containsExactly("DROPPED");

        rename(a); // new events go to the new address
        dispatch();
        assertThat(receiver.received()).hasSize(2);
        assertThat(receiver.received().get(1).header("webhook-id")).isNotNull();
    }

    @Test
    void aPingAnswersItsDeliveryWhichCanBeRedelivered() {
        String id = endpoint("/ping");
        String delivery = Api.as(admin)
                .post(ENDPOINTS + "/{id}/ping", id)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        assertThat(delivery).isNotEqualTo(id);
        dispatch();
        Api.as(admin)
                .post(ENDPOINTS + "/{id}/deliveries/{d}/redeliver", id, delivery)
                .then()
                .statusCode(202);
        dispatch();
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void aDslIsAnIdentityLikeTheOtherFeedRolesAndNamesItsSchools() {
        Map<String, Object> body = new HashMap<>();
        body.put("url", receiver.url("/dsl"));
        body.put("description", "Safeguarding system");
        body.put("eventTypes", List.of("concern.raised"));
        body.put("identity", Map.of("role", "dsl", "schools", List.of(a)));
        Api.as(admin).body(body).post(ENDPOINTS).then().statusCode(201);
        body.put("identity", Map.of("role", "dsl"));
        Api.as(admin)
                .body(body)
                .post(ENDPOINTS)
                .then()
                .statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItem("identity.schools"));
    }

    @Test
    void theSenderConnectsToTheAddressTheGuardApprovedEvenWhenDnsChangesItsAnswer() {
        // the guard's lookups answer the receiver's address; any lookup after them answers an address where
        // nothing listens, so a sender that resolved the host again would fail to deliver
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.quarkus.test.junit.QuarkusMock.installMockForType(
                new SsrfGuard.Resolver() {
                    @Override
                    public java.net.InetAddress[] resolve(String host) throws java.net.UnknownHostException {
                        asked.add(host);
                        String answer = asked.size() <= 2 ? "127.0.0.1" : "192.0.2.1";
                        return new java.net.InetAddress[] {java.net.InetAddress.getByName(answer)};
                    }
                },
                SsrfGuard.Resolver.class);
        String url = receiver.url("/pinned").replace("127.0.0.1", PINNED_HOST).replace("localhost", PINNED_HOST);
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("eventTypes", List.of("school.updated"));
        body.put("schools", List.of(a));
        body.put("identity", Map.of("role", "trust-admin"));
        Api.as(admin).body(body).post(ENDPOINTS).then().statusCode(201);
        assertThat(asked).containsExactly(PINNED_HOST); // checked when saved

        rename(a);
        dispatch();

        assertThat(asked).containsExactly(PINNED_HOST, PINNED_HOST); // once more for the attempt, and no more
        assertThat(receiver.received()).hasSize(1);
        assertThat(receiver.received().get(0).header("host")).startsWith(PINNED_HOST + ":");
    }

    @Test
    void settledDeliveriesAreARecordClassDisposedOfWithTheirAttemptsUnlessHeld() {
        String id = endpoint("/kept");
        rename(a);
        rename(b);
        dispatch();
        assertThat(deliveries(id)).hasSize(2).allMatch(d -> "SUCCEEDED".equals(d.get("status")));
        String heldId = Api.as(admin)
                .body(Map.of("targetType", "SCHOOL", "targetId", b, "reason", "Inquiry"))
                .post("/api/v1/legal-holds")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        java.time.LocalDate today = java.time.LocalDate.now(TestClock.get());
        TestClock.get()
                .advance(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(today, today.plusDays(90)) + 1));
        Api.as(admin).post("/api/v1/disposal-runs").then().statusCode(200);
        assertThat(Db.count(
                        "SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = ?::uuid AND school_urn = ?",
                        id,
                        a))
                .as("past the feed's 90 days: gone")
                .isZero();
        assertThat(Db.count(
                        "SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = ?::uuid AND school_urn = ?",
                        id,
                        b))
                .as("held")
                .isEqualTo(1);
        assertThat(Db.count(
                        "SELECT count(*) FROM webhook_attempts t JOIN webhook_deliveries d ON d.id = t.delivery_id"
                                + " WHERE d.endpoint_id = ?::uuid",
                        id))
                .isEqualTo(1);
        Holds.lift(heldId);
    }

    /** A name only the test's resolver knows; the operator's allow-list in the test profile lists it. */
    private static final String PINNED_HOST = "hooks.pinned.test";
}
