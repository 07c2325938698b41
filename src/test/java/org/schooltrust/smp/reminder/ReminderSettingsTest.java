package org.schooltrust.smp.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/** Schedules and the calendar: defaults, every role, and bad input answered 422 with nothing changed. */
@ApiTest
class ReminderSettingsTest {

    private static final String PATH = "/api/v1/reminder-schedules/{kind}";

    @AfterEach
    void clearCalendar() {
        Api.as(Tokens.trustAdmin())
                .body(Map.of("closures", List.of()))
                .put("/api/v1/calendar/closures")
                .then()
                .statusCode(200);
    }

    private static String snapshot() {
        return Db.first("SELECT string_agg(kind || ':' || version || ':' || days_before::text || ':' || max_sends, ','"
                        + " ORDER BY kind) FROM reminder_schedules")
                + "/"
                + Db.first("SELECT version || ':' || (SELECT count(*) FROM calendar_closures) FROM calendar_state");
    }

    private static Map<String, Object> acknowledgementDefaults() {
        Map<String, Object> s = new HashMap<>();
        s.put("enabled", true);
        s.put("daysBefore", List.of(7, 1));
        s.put("onDueDate", true);
        s.put("afterDays", 3);
        s.put("repeatEveryDays", 3);
        s.put("maxSends", 5);
        return s;
    }

    @Test
    void anEmptyDatabaseStartsWithTheDefaults() {
        Api.as(Tokens.trustAdmin())
                .get(PATH, "POLICY_ACKNOWLEDGEMENT")
                .then()
                .statusCode(200)
                .header("ETag", org.hamcrest.Matchers.notNullValue())
                .body("daysBefore", contains(7, 1))
                .body("onDueDate", is(true))
                .body("repeatEveryDays", is(3))
                .body("maxSends", is(5));
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/reminder-schedules")
                .then()
                .statusCode(200)
                .body("items.kind", hasItem("OVERDUE_ESCALATION"))
                .body("items.find { it.kind == 'OVERDUE_ESCALATION' }.afterDays", is(3))
                .body("items.find { it.kind == 'OVERDUE_ESCALATION' }.digest", is(true));
    }

    @Test
    void aScheduleIsReplacedUnderIfMatchAndAudited() {
        String etag = Api.as(Tokens.trustAdmin())
                .get(PATH, "JOINER_WELCOME")
                .then()
                .extract()
                .header("ETag");
        Map<String, Object> welcome = Map.of("enabled", true, "onDueDate", true, "maxSends", 1, "expiresAfterDays", 21);
        Api.as(Tokens.trustAdmin())
                .header("If-Match", "\"999\"")
                .body(welcome)
                .put(PATH, "JOINER_WELCOME")
                .then()
                .statusCode(412);
        String next = Api.as(Tokens.trustAdmin())
                .header("If-Match", etag)
                .body(welcome)
                .put(PATH, "JOINER_WELCOME")
                .then()
                .statusCode(200)
                .body("expiresAfterDays", is(21))
                .extract()
                .header("ETag");
        assertThat(Db.count("SELECT count(*) FROM audit_events WHERE action = 'reminder-schedule.updated'"
                        + " AND target_id = 'JOINER_WELCOME'"))
                .isGreaterThanOrEqualTo(1);
        Api.as(Tokens.trustAdmin())
                .header("If-Match", next)
                .body(Map.of("enabled", true, "onDueDate", true, "maxSends", 1, "expiresAfterDays", 14))
                .put(PATH, "JOINER_WELCOME")
                .then()
                .statusCode(200);
    }

    @Test
    void badSchedulesAre422AndChangeNothing() {
        String before = snapshot();
        List<Map<String, Object>> bad = List.of(
                with("daysBefore", List.of(-1)),
                with("daysBefore", List.of(7, 7)),
                with("maxSends", 0),
                with("afterDays", -3),
                with("repeatEveryDays", 0),
                with("maxSends", "many"),
                with("daysBefore", java.util.Arrays.asList(7, null)));
        for (Map<String, Object> body : bad) {
            Api.as(Tokens.trustAdmin())
                    .body(body)
                    .put(PATH, "POLICY_ACKNOWLEDGEMENT")
                    .then()
                    .statusCode(org.hamcrest.Matchers.oneOf(400, 422))
                    .contentType("application/problem+json");
        }
        Api.as(Tokens.trustAdmin())
                .body(acknowledgementDefaults())
                .put(PATH, "NO_SUCH_KIND")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("kind"));
        Api.as(Tokens.trustAdmin()).get(PATH, "NO_SUCH_KIND").then().statusCode(422);
        Api.as(Tokens.trustAdmin())
                .contentType("application/json")
                .body("{\"enabled\": true,")
                .put(PATH, "POLICY_ACKNOWLEDGEMENT")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void badClosuresAre422AndChangeNothing() {
        String school = TestData.newSchool();
        String before = snapshot();
        List<List<Map<String, Object>>> bad = List.of(
                List.of(closure(school, "2027-02-20", "2027-02-13")),
                List.of(closure(school, "2027-02-13", "2027-02-20"), closure(school, "2027-02-20", "2027-02-22")),
                List.of(closure("999999", "2027-02-13", "2027-02-20")),
                List.of(closure(null, "2027-01-01", "2027-12-31")));
        for (List<Map<String, Object>> closures : bad) {
            Api.as(Tokens.trustAdmin())
                    .body(Map.of("closures", closures))
                    .put("/api/v1/calendar/closures")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json");
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void onlyTheTrustSetsThemAndAHeadReadsOnlyTheirSchoolsClosures() {
        String school = TestData.newSchool();
        String other = TestData.newSchool();
        Api.as(Tokens.trustAdmin())
                .body(Map.of(
                        "closures",
                        List.of(
                                closure(null, "2027-04-01", "2027-04-14"),
                                closure(school, "2027-05-03", "2027-05-03"),
                                closure(other, "2027-05-04", "2027-05-04"))))
                .put("/api/v1/calendar/closures")
                .then()
                .statusCode(200);
        Api.as(Tokens.head(TestData.newHrId("H"), school))
                .get("/api/v1/calendar/closures")
                .then()
                .statusCode(200)
                .body("closures.size()", is(2))
                .body("closures.schoolUrn", org.hamcrest.Matchers.not(hasItem(other)));
        for (String token : List.of(
                Tokens.staff(TestData.newHrId("E"), school),
                Tokens.hrSync(),
                Tokens.mis(school),
                Tokens.registerReader())) {
            Api.as(token).get("/api/v1/reminder-schedules").then().statusCode(403);
            Api.as(token).post("/api/v1/reminders/run").then().statusCode(403);
            Api.as(token)
                    .body(Map.of("closures", List.of()))
                    .put("/api/v1/calendar/closures")
                    .then()
                    .statusCode(403);
        }
        Api.as(Tokens.head(TestData.newHrId("H"), school))
                .body(Map.of("closures", List.of()))
                .put("/api/v1/calendar/closures")
                .then()
                .statusCode(403);
        Api.as(Tokens.hrSync()).get("/api/v1/me/reminders").then().statusCode(403);
        Api.anonymous().get("/api/v1/reminder-schedules").then().statusCode(401);
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = acknowledgementDefaults();
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> closure(String school, String start, String end) {
        Map<String, Object> c = new HashMap<>();
        if (school != null) {
            c.put("schoolUrn", school);
        }
        c.put("startDate", start);
        c.put("endDate", end);
        c.put("label", "Closed");
        return c;
    }
}
