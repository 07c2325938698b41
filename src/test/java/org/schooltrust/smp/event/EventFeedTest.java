package org.schooltrust.smp.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.Events;
import org.schooltrust.smp.support.SocialAccounts;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/** The pull feed: ordering that never skips, scoping per role, thin data, retention. */
@ApiTest
class EventFeedTest {

    private static final String PUPIL_NAME = "Priya Secretname";
    private static final String NOTE = "My sister's daughter, secret note";
    private static final String PROTOCOL = "No school talk online, secret protocol";
    private static final String REASON = "The relationship ended, secret reason";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventRetention retention;

    private static void rename(String urn, String name) {
        Api.as(Tokens.trustAdmin())
                .body(Map.of("name", name, "status", "OPEN"))
                .put("/api/v1/schools/{urn}", urn)
                .then()
                .statusCode(200);
    }

    @Test
    void aSchoolChangeReachesTrustAdminAndHrButNeitherTheMisNorTheRegisterReader() {
        String start = Events.latest();
        String urn = TestData.newSchool();
        rename(urn, "Renamed " + urn);

        List<Map<String, Object>> admin =
                Events.poll(Tokens.trustAdmin(), start, "school=" + urn).events();
        assertThat(admin).extracting(e -> e.get("type")).containsExactly("school.created", "school.updated");
        assertThat(admin.get(1).get("schoolUrn")).isEqualTo(urn);
        assertThat((Map<String, Object>) admin.get(1).get("data")).containsEntry("urn", urn);
        assertThat((Map<String, Object>) admin.get(1).get("data")).containsEntry("changedFields", List.of("name"));
        assertThat(Events.poll(Tokens.hrSync(), start, null).types()).contains("school.created", "school.updated");
        assertThat(Events.poll(Tokens.mis(urn), start, null).events()).isEmpty();
        assertThat(Events.poll(Tokens.registerReader(), start, null).events()).isEmpty();
    }

    @Test
    void theMisSeesItsOwnSchoolsLinksOnlyAndNoEventCarriesANameNoteProtocolOrReason() {
        String school = TestData.newSchool();
        String other = TestData.newSchool();
        String hrId = TestData.hrAdultAt(school);
        String head = Tokens.head("H-" + hrId, school);
        String start = Events.latest();

        Response submitted = Api.as(Tokens.staff(hrId, school))
                .body(Map.of(
                        "schoolUrn", school,
                        "pupilMisId", "PUP-" + hrId,
                        "pupilName", PUPIL_NAME,
                        "relationship", "AUNT_UNCLE",
                        "note", NOTE))
                .post("/api/v1/me/family-declarations");
        submitted.then().statusCode(201);
        String id = submitted.path("id");
        String base = "/api/v1/schools/" + school + "/family-declarations/" + id;
        Response acknowledged = Api.as(head)
                .header("If-Match", submitted.header("ETag"))
                .body(Map.of("discussedOn", LocalDate.now().minusDays(1).toString(), "agreedProtocols", PROTOCOL))
                .post(base + "/acknowledge");
        acknowledged.then().statusCode(200);
        Api.as(head)
                .header("If-Match", acknowledged.header("ETag"))
                .body(Map.of("reason", REASON))
                .post(base + "/end")
                .then()
                .statusCode(200);

        Events.Poll mis = Events.poll(Tokens.mis(school), start, null);
        assertThat(mis.types()).containsExactly("family_link.acknowledged", "family_link.removed");
        assertThat((Map<String, Object>) mis.events().get(0).get("data"))
                .containsEntry("declarationId", id)
                .containsEntry("staffHrId", hrId)
                .containsEntry("pupilMisId", "PUP-" + hrId)
                .containsEntry("status", "ACKNOWLEDGED");
        assertThat((Map<String, Object>) mis.events().get(1).get("data")).containsEntry("status", "REMOVED");
        assertThat(Events.poll(Tokens.mis(other), start, null).events()).isEmpty();
        Api.as(Tokens.mis(other))
                .queryParam("school", school)
                .get("/api/v1/events")
                .then()
                .statusCode(404);

        Events.Poll admin = Events.poll(Tokens.trustAdmin(), start, "school=" + school);
        assertThat(admin.types())
                .containsExactly(
                        "family_declaration.submitted",
                        "family_declaration.acknowledged",
                        "family_link.acknowledged",
                        "family_declaration.ended",
                        "family_link.removed");
        assertThat(Events.poll(head, start, null).types()).contains("family_declaration.submitted");

        String bodies = Api.as(Tokens.trustAdmin())
                .queryParam("after", start)
                .queryParam("limit", 1000)
                .get("/api/v1/events")
                .asString();
        assertThat(bodies).contains(id).doesNotContain(PUPIL_NAME, NOTE, PROTOCOL, REASON, "Priya");
    }

    @Test
    void aReaderNeverMissesAnEventThatCommitsLaterWithAnEarlierPositionAndNeverSeesARolledBackOne() throws Exception {
        String urn = TestData.newSchool();
        String cursor = Events.latest();
        String admin = Tokens.trustAdmin();
        try (Connection slow = dataSource.getConnection();
                Connection doomed = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            doomed.setAutoCommit(false);
            UUID early = insertEvent(slow, urn);
            insertEvent(doomed, urn);

            rename(urn, "Committed first " + urn); // a later position, committed before the slow one
            Events.Poll first = Events.poll(admin, cursor, "school=" + urn);
            assertThat(first.events())
                    .as("held back while an older transaction is in flight")
                    .isEmpty();

            doomed.rollback();
            slow.commit();
            Events.Poll second = Events.poll(admin, first.cursor(), "school=" + urn);
            assertThat(second.events())
                    .extracting(e -> e.get("id"))
                    .hasSize(2)
                    .first()
                    .isEqualTo(early.toString());
            assertThat(second.types()).containsExactly("school.updated", "school.updated");
            assertThat(Events.poll(admin, second.cursor(), "school=" + urn).events())
                    .isEmpty();
        }
    }

    private static UUID insertEvent(Connection connection, String urn) throws Exception {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO events (id, type, occurred_at, school_urn, data, payload) VALUES (?, 'school.updated',"
                        + " now(), ?, '{}'::jsonb, '{}')")) {
            insert.setObject(1, id);
            insert.setString(2, urn);
            insert.executeUpdate();
        }
        return id;
    }

    @Test
    void concurrentWritersAndAPollingReaderSeeEveryEventExactlyOnce() throws Exception {
        List<String> schools = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            schools.add(TestData.newSchool());
        }
        String cursor = Events.latest();
        String admin = Tokens.trustAdmin();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (String urn : schools) {
                writers.add(pool.submit(() -> {
                    for (int n = 0; n < 15; n++) {
                        rename(urn, "Name " + n + " " + urn);
                    }
                }));
            }
            Future<List<Map<String, Object>>> reader = pool.submit(() -> {
                List<Map<String, Object>> seen = new ArrayList<>();
                String at = cursor;
                while (true) {
                    boolean last = !writing.get();
                    Events.Poll poll = Events.poll(admin, at, "types=school.updated");
                    seen.addAll(poll.events());
                    at = poll.cursor();
                    if (last) {
                        return seen;
                    }
                }
            });
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);
            List<Map<String, Object>> seen = reader.get();
            List<Object> ids = seen.stream()
                    .filter(e -> schools.contains(e.get("schoolUrn")))
                    .map(e -> e.get("id"))
                    .toList();
            assertThat(new HashSet<>(ids)).as("no event twice").hasSameSizeAs(ids);
            assertThat(ids).hasSize(60);
            long stored = Db.count(
                    "SELECT count(*) FROM events WHERE type = 'school.updated' AND school_urn = ANY(?)",
                    (Object) schools.toArray(String[]::new));
            assertThat(ids).hasSize((int) stored);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void transactionIdsAreComparedAsNumbersNotText() throws Exception {
        String urn = TestData.newSchool();
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO events (tx_id, id, type, occurred_at,"
                                + " school_urn, data, payload) VALUES (?::xid8, ?, 'school.updated', now(), ?, '{}'::jsonb, '{}')")) {
            for (String tx : List.of("10", "9")) {
                insert.setString(1, tx);
                insert.setObject(2, UUID.randomUUID());
                insert.setString(3, urn);
                insert.executeUpdate();
            }
        }
        List<Map<String, Object>> events = Api.as(Tokens.trustAdmin())
                .queryParam("school", urn)
                .queryParam("types", "school.updated")
                .queryParam("limit", 1)
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        String nine = Db.first("SELECT id::text FROM events WHERE school_urn = ? AND tx_id = '9'::xid8", urn);
        assertThat(events)
                .singleElement()
                .satisfies(e -> assertThat(e.get("id")).isEqualTo(nine));
    }

    @Test
    void badInputIsAProblemAndTheRolesWithoutAFeedAreRefused() {
        String admin = Tokens.trustAdmin();
        Api.as(admin)
                .queryParam("types", "school.updated,no.such.type")
                .get("/api/v1/events")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("types"));
        Api.as(admin)
                .queryParam("after", "not-a-cursor")
                .get("/api/v1/events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        Api.as(admin)
                .queryParam("after", Cursor.encode("1; DROP", "2"))
                .get("/api/v1/events")
                .then()
                .statusCode(400);
        Api.as(admin).queryParam("limit", "0").get("/api/v1/events").then().statusCode(422);
        Api.as(admin).queryParam("school", "12").get("/api/v1/events").then().statusCode(422);
        Api.as(admin)
                .queryParam("types", "school.updated,".repeat(70))
                .get("/api/v1/events")
                .then()
                .statusCode(422);
        Api.as(Tokens.staff(TestData.newHrId("E"))).get("/api/v1/events").then().statusCode(403);
        Api.anonymous().get("/api/v1/events").then().statusCode(401);
    }

    @Test
    void aCursorOlderThanTheRetentionIsGoneAndSaysToResync() {
        String urn = TestData.newSchool();
        String cursor = Events.latest();
        rename(urn, "Before retention " + urn);
        String afterFirst =
                Events.poll(Tokens.trustAdmin(), cursor, "school=" + urn).cursor();
        try {
            TestClock.get().advance(Duration.ofDays(91));
            assertThat(retention.sweep()).isPositive();
            Api.as(Tokens.trustAdmin())
                    .queryParam("after", cursor)
                    .get("/api/v1/events")
                    .then()
                    .statusCode(410)
                    .contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.endsWith("cursor-expired"));
            // a reader that had caught up before the sweep lost nothing: its cursor is still good
            Api.as(Tokens.trustAdmin())
                    .queryParam("after", afterFirst)
                    .get("/api/v1/events")
                    .then()
                    .statusCode(200);
            assertThat(Db.count("SELECT count(*) FROM events WHERE school_urn = ?", urn))
                    .isZero();
        } finally {
            TestClock.get().reset();
        }
    }

    @Test
    void theRegisterReaderSeesAccountsJoiningAndLeavingTheRegisterAndNothingElse() {
        var school = SocialAccounts.aSchool();
        String cursor = Events.latest();
        String live = school.active(SocialAccounts.newHandle());
        String neverLive = school.approved(SocialAccounts.newHandle());
        SocialAccounts.transition(school.head(), neverLive, "retire", Map.of())
                .then()
                .statusCode(200);
        SocialAccounts.transition(school.head(), live, "suspend", Map.of("reason", REASON))
                .then()
                .statusCode(200);

        List<Map<String, Object>> reader =
                Events.poll(Tokens.registerReader(), cursor, null).events();
        assertThat(reader).extracting(e -> e.get("type")).containsOnly("register.changed");
        assertThat(reader)
                .extracting(e -> (Object) ((Map<String, Object>) e.get("data")).get("accountId"))
                .containsExactly(live, live)
                .doesNotContain(neverLive);
        assertThat(reader)
                .extracting(e -> (Object) ((Map<String, Object>) e.get("data")).get("onRegister"))
                .containsExactly(true, false);
        assertThat(Events.poll(Tokens.hrSync(), cursor, "school=" + school.urn())
                        .types())
                .allMatch(t -> t.startsWith("staff.") || t.startsWith("school."));
        assertThat(Events.poll(Tokens.trustAdmin(), cursor, "school=" + school.urn())
                        .types())
                .contains("social_account.proposed", "social_account.confirmed_live", "social_account.suspended");
    }

    @Test
    void theTypeFilterNarrowsAndAHeadSeesOnlyTheirSchools() {
        String school = TestData.newSchool();
        String other = TestData.newSchool();
        String cursor = Events.latest();
        rename(school, "Own " + school);
        rename(other, "Other " + other);
        String head = Tokens.head("H-" + TestData.newHrId("X"), school);
        Set<Object> schools = new HashSet<>();
        Events.poll(head, cursor, "types=school.updated").events().forEach(e -> schools.add(e.get("schoolUrn")));
        assertThat(schools).contains(school).doesNotContain(other);
        Api.as(head).queryParam("school", other).get("/api/v1/events").then().statusCode(404);
        List<Map<String, Object>> renames =
                Events.poll(Tokens.trustAdmin(), cursor, "types=school.updated").events();
        assertThat(renames).extracting(e -> e.get("schoolUrn")).contains(school, other);
        assertThat(Events.poll(Tokens.trustAdmin(), cursor, "types=staff.updated")
                        .events())
                .as("the type filter leaves the renames out")
                .noneMatch(e -> e.get("type").equals("school.updated"));
    }
}
