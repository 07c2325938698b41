package org.schooltrust.smp.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.audit.AuditChain;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.Policies;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/**
 * Every class of record is disposed of on its date and not a day before, with the clock moved. The periods are set
 * to five days for the test (rules are data) and put back to their defaults after it.
 */
@ApiTest
class DisposalByClassTest {

    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("ACKNOWLEDGEMENT", "P6Y");
        DEFAULTS.put("NIL_RETURN", "P6Y");
        DEFAULTS.put("CONCERN_CHILD_PROTECTION", "P25Y");
        DEFAULTS.put("CONCERN", "P6Y");
        DEFAULTS.put("REMINDER", "P1Y");
        DEFAULTS.put("POLICY_VERSION", "P3Y");
        DEFAULTS.put("AUDIT_EVENT", "P7Y");
    }

    @jakarta.inject.Inject
    AuditChain chain;

    @AfterEach
    void restore() {
        TestClock.get().reset();
        DEFAULTS.forEach(DisposalByClassTest::period);
    }

    private static void period(String recordClass, String period) {
        Api.as(Tokens.trustAdmin())
                .body(Map.of("period", period))
                .put("/api/v1/retention-rules/{c}", recordClass)
                .then()
                .statusCode(200);
    }

    private static void record(
            Map<String, String> tables, Map<String, java.time.Period> periods, String id, String table, String c) {
        tables.put(id, table);
        periods.put(id, java.time.Period.parse(DEFAULTS.get(c)));
    }

    private static void moveTo(java.time.LocalDate day0, java.time.LocalDate day) {
        TestClock.get().reset();
        TestClock.get().advance(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(day0, day)));
    }

    private static void dispose() {
        Api.as(Tokens.trustAdmin()).post("/api/v1/disposal-runs").then().statusCode(200);
    }

    private static long exists(String table, String id) {
        return Db.count("SELECT count(*) FROM " + table + " WHERE id::text = ?", id);
    }

    private String closedConcern(String school, String head, String reporter, String category) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schoolUrn", school);
        body.put("category", category);
        body.put(
                "occurredAt",
                Instant.now()
                        .minus(1, ChronoUnit.HOURS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        body.put("description", "Something happened online.");
        String id = Api.as(Tokens.staff(reporter, school))
                .body(body)
                .post("/api/v1/me/concerns")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String etag = Api.as(head)
                .get("/api/v1/schools/{urn}/concerns/{id}", school, id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        Api.as(head)
                .header("If-Match", etag)
                .body(Map.of("outcome", "RESOLVED"))
                .post("/api/v1/schools/{urn}/concerns/{id}/close", school, id)
                .then()
                .statusCode(200);
        return id;
    }

    @Test
    void eachClassGoesOnItsDateAndNotADayBefore() {
        String school = TestData.newSchool();
        String head = Tokens.head(TestData.newHrId("H"), school);
        String leaver = TestData.hrAdultAt(school);
        String reporter = TestData.hrAdultAt(school);

        String slug = Policies.newPolicy();
        String sha = Policies.publish(slug, Policies.version("1.0", "Version one.", true, school));
        String ack = Api.as(Tokens.staff(leaver, school))
                .body(Policies.ack(slug, "1.0", school, sha))
                .post("/api/v1/me/acknowledgements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String nil = Api.as(Tokens.staff(leaver, school))
                .body(Map.of("schoolUrn", school))
                .post("/api/v1/me/family-nil-returns")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.as(Tokens.hrSync())
                .body(TestData.anAdult(leaver).with("active", false).at(school).build())
                .put("/api/v1/staff/{hrId}", leaver)
                .then()
                .statusCode(200);

        String concern = closedConcern(school, head, reporter, "CYBERBULLYING");
        String childProtection = closedConcern(school, head, reporter, "INDECENT_IMAGES");

        String superseded = Policies.newPolicy();
        Policies.publish(superseded, Policies.version("1.0", "First.", true, school));
        Policies.publish(superseded, Policies.version("2.0", "Second.", true, school));
        String oldVersion = Db.first(
                "SELECT v.id::text FROM policy_versions v JOIN policies p ON p.id = v.policy_id"
                        + " WHERE p.slug = ? AND v.label = '1.0'",
                superseded);
        assertThat(Db.first("SELECT status FROM policy_versions WHERE id::text = ?", oldVersion))
                .isEqualTo("SUPERSEDED");

        Map<String, Object> due = Policies.version("1.0", "Due soon.", true, school);
        due.put("dueDays", 7);
        Policies.publish(Policies.newPolicy(), due);
        Api.as(Tokens.trustAdmin())
                .queryParam("school", school)
                .post("/api/v1/reminders/run")
                .then()
                .statusCode(200);
        String reminder = Db.first("SELECT id::text FROM reminder_messages WHERE school_urn = ? LIMIT 1", school);
        assertThat(reminder).isNotNull();

        String auditEvent =
                Db.first("SELECT id::text FROM audit_events WHERE target_id = ? ORDER BY id LIMIT 1", school);
        TestData.newSchool(); // an event after it, then a checkpoint: disposal only reaches events before one
        chain.checkpoint();

        // every record's period runs from today; each class keeps its default period, at or above its floor:
        // time moves to each period's last day and the day after, the rules are never shortened (issue 24)
        java.time.LocalDate day0 = java.time.LocalDate.now(TestClock.get());
        Map<String, String> tables = new LinkedHashMap<>();
        Map<String, java.time.Period> periods = new LinkedHashMap<>();
        record(tables, periods, ack, "acknowledgements", "ACKNOWLEDGEMENT");
        record(tables, periods, nil, "family_nil_returns", "NIL_RETURN");
        record(tables, periods, concern, "concerns", "CONCERN");
        record(tables, periods, childProtection, "concerns", "CONCERN_CHILD_PROTECTION");
        record(tables, periods, oldVersion, "policy_versions", "POLICY_VERSION");
        record(tables, periods, reminder, "reminder_messages", "REMINDER");
        List<java.time.LocalDate> lastDays =
                periods.values().stream().map(day0::plus).distinct().sorted().toList();
        for (java.time.LocalDate lastDay : lastDays) {
            moveTo(day0, lastDay);
            dispose();
            periods.forEach((id, period) -> assertThat(exists(tables.get(id), id))
                    .as(tables.get(id) + " kept " + period + ": present on " + lastDay)
                    .isEqualTo(day0.plus(period).isBefore(lastDay) ? 0 : 1));
            moveTo(day0, lastDay.plusDays(1));
            dispose();
            periods.forEach((id, period) -> assertThat(exists(tables.get(id), id))
                    .as(tables.get(id) + " kept " + period + ": on " + lastDay.plusDays(1))
                    .isEqualTo(day0.plus(period).isAfter(lastDay) ? 1 : 0));
        }
        assertThat(Db.count(
                        "SELECT count(*) FROM concern_timeline WHERE concern_id::text IN (?, ?)",
                        concern,
                        childProtection))
                .isZero();
        // the audit trail still verifies from its oldest remaining event
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/audit-events/verify")
                .then()
                .statusCode(200)
                .body("ok", org.hamcrest.Matchers.is(true));
        assertThat(List.copyOf(tables.values())).hasSize(6);

        // audit events go as a prefix of their chain, up to the first not yet due and before the latest signed
        // checkpoint; other tests of this run wrote events with their clocks moved up to a year ahead, so go past them
        chain.checkpoint();
        dispose();
        assertThat(exists("audit_events", auditEvent))
                .as("audit event on its date")
                .isZero();
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/audit-events/verify")
                .then()
                .statusCode(200)
                .body("ok", org.hamcrest.Matchers.is(true));
    }
}
