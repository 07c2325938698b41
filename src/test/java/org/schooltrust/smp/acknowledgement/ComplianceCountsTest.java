package org.schooltrust.smp.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.Policies;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/**
 * The kept compliance counts (migration V14, ADR 0020) equal the requirement rule's detailed output after every kind
 * of change: acknowledgement, joiner (before and after their start day), leaver by sync, an assignment ending, new
 * non-material and material versions, an audience change, and time passing a due date. Each step compares, for the
 * whole database, the kept facts with {@code policy_requirements_on(today)} and the kept counts with the facts, and,
 * through the API, each school's counts and the Trust total with the school's detailed list.
 */
@ApiTest
class ComplianceCountsTest {

    @AfterEach
    void resetClock() {
        TestClock.get().reset();
    }

    @Test
    void keptCountsEqualTheDetailedListAfterEveryKindOfChange() {
        String school = TestData.newSchool();
        String other = TestData.newSchool();
        String slug = Policies.newPolicy();
        String sha = Policies.publish(slug, Policies.version("1.0", "1. Rules\n1.1 Rule.\n", true, school, other));
        String acknowledger = TestData.hrAdultAt(school);
        String leaver = TestData.hrAdultAt(school);
        String ending = TestData.hrAdultAt(other);
        TestData.hrAdultAt(other);
        String volunteer = TestData.newHrId("V");
        Api.as(Tokens.hrSync())
                .body(TestData.anAdult(volunteer)
                        .at(school)
                        .with("category", "VOLUNTEER")
                        .build())
                .put("/api/v1/staff/{hrId}", volunteer)
                .then()
                .statusCode(201);
        check(slug, school, other);

        Api.as(Tokens.staff(acknowledger, school))
                .body(Policies.ack(slug, "1.0", school, sha))
                .post("/api/v1/me/acknowledgements")
                .then()
                .statusCode(201);
        assertThat(check(slug, school, other).get(school)).containsEntry("DONE", 1L);

        // a joiner whose assignment starts in ten days is not counted until that day
        String joiner = TestData.newHrId("J");
        LocalDate today = today();
        Map<String, Object> joinerRecord = TestData.anAdult(joiner).at(school).build();
        ((Map<String, Object>) ((List<?>) joinerRecord.get("assignments")).get(0))
                .put("startDate", today.plusDays(10).toString());
        sync(joinerRecord);
        Map<String, Long> before = check(slug, school, other).get(school);
        TestClock.get().advance(Duration.ofDays(11));
        Map<String, Long> after = check(slug, school, other).get(school);
        assertThat(total(after)).isEqualTo(total(before) + 1);

        // a leaver by sync; an assignment that ends in three days
        sync(TestData.anAdult(leaver).at(school).with("active", false).build());
        Map<String, Object> endingRecord = TestData.anAdult(ending).at(other).build();
        ((Map<String, Object>) ((List<?>) endingRecord.get("assignments")).get(0))
                .put("endDate", today().plusDays(3).toString());
        sync(endingRecord);
        long otherBefore = total(check(slug, school, other).get(other));
        TestClock.get().advance(Duration.ofDays(5));
        assertThat(total(check(slug, school, other).get(other))).isEqualTo(otherBefore - 1);

        // a non-material version keeps the acknowledgement; a material one asks again
        Policies.publish(slug, Policies.version("1.1", "1. Rules\n1.1 Rule, reworded.\n", false, school, other));
        assertThat(check(slug, school, other).get(school)).containsEntry("DONE", 1L);
        Map<String, Object> material = Policies.version("2.0", "1. Rules\n1.1 New rule.\n", true, school, other);
        Policies.publish(slug, material);
        assertThat(check(slug, school, other).get(school)).doesNotContainKey("DONE");

        // an audience change brings the volunteer in
        Map<String, Object> wider = Policies.version("2.1", "1. Rules\n1.1 New rule.\n", false, school, other);
        wider.put("audience", List.of("TEACHER", "TEACHING_ASSISTANT", "SUPPORT_STAFF", "VOLUNTEER"));
        long notRequired = check(slug, school, other).get(school).getOrDefault("NOT_REQUIRED", 0L);
        Policies.publish(slug, wider);
        assertThat(check(slug, school, other).get(school).getOrDefault("NOT_REQUIRED", 0L))
                .isEqualTo(notRequired - 1);

        // time passing the due date turns DUE into OVERDUE with no write at all
        TestClock.get().advance(Duration.ofDays(40));
        assertThat(check(slug, school, other).get(school))
                .containsKey("OVERDUE")
                .doesNotContainKey("DUE");

        // and back (tests and clocks may move either way)
        TestClock.get().reset();
        check(slug, school, other);
    }

    private static void sync(Map<String, Object> record) {
        Api.as(Tokens.hrSync())
                .body(Map.of("records", List.of(record)))
                .post("/api/v1/staff/sync?mode=partial")
                .then()
                .statusCode(200);
    }

    private static LocalDate today() {
        return LocalDate.now(TestClock.get());
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Reads every school's counts and detailed list through the API (which also moves the kept counts to today), then
     * compares the kept tables with the rule over the whole database. Returns the counts by school.
     */
    private static Map<String, Map<String, Long>> check(String slug, String... schools) {
        Map<String, Map<String, Long>> bySchool = new HashMap<>();
        Map<String, Long> trust = new HashMap<>();
        for (String urn : schools) {
            JsonPath page = Api.as(Tokens.trustAdmin())
                    .get("/api/v1/schools/{urn}/compliance?policy={slug}&limit=200", urn, slug)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            Map<String, Long> listed = new HashMap<>();
            for (String status : page.<String>getList("items.status")) {
                listed.merge(status, 1L, Long::sum);
                trust.merge(status, 1L, Long::sum);
            }
            assertThat(counts(page, "counts")).as("counts of %s", urn).isEqualTo(listed);
            bySchool.put(urn, listed);
        }
        JsonPath summary = Api.as(Tokens.trustAdmin())
                .get("/api/v1/compliance?policy={slug}", slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        LocalDate today = today();
        // the Trust total counts every adult of the Trust (NOT_REQUIRED outside the version's schools): the rule's rows
        Map<String, Long> rule = new HashMap<>();
        for (String status : List.of("DONE", "DUE", "OVERDUE", "NOT_REQUIRED")) {
            long n = Db.count(
                    "SELECT count(*) FROM policy_requirements_on(?) WHERE slug = ? AND status = ?",
                    today,
                    slug,
                    status);
            if (n > 0) {
                rule.put(status, n);
            }
        }
        assertThat(counts(summary, "total")).as("the Trust total").isEqualTo(rule);
        trust.forEach((status, n) -> assertThat(rule.get(status)).isGreaterThanOrEqualTo(n));

        String columns = "slug, school_urn, adult_id, version_id, required, due_date, acknowledged_at";
        assertThat(Db.count(
                        "SELECT count(*) FROM ((SELECT " + columns + " FROM compliance_facts EXCEPT SELECT "
                                + columns + " FROM policy_requirements_on(?)) UNION ALL (SELECT " + columns
                                + " FROM policy_requirements_on(?) EXCEPT SELECT " + columns
                                + " FROM compliance_facts)) d",
                        today,
                        today))
                .as("kept facts differ from the rule")
                .isZero();
        assertThat(Db.count("SELECT count(*) FROM ((SELECT slug, school_urn, required, done, due_date, n FROM"
                        + " compliance_counts WHERE n <> 0 EXCEPT SELECT slug, school_urn, required,"
                        + " acknowledged_at IS NOT NULL, coalesce(due_date, 'infinity'), count(*) FROM compliance_facts"
                        + " GROUP BY 1, 2, 3, 4, 5) UNION ALL (SELECT slug, school_urn, required, acknowledged_at IS NOT"
                        + " NULL, coalesce(due_date, 'infinity'), count(*) FROM compliance_facts GROUP BY 1, 2, 3, 4, 5"
                        + " EXCEPT SELECT slug, school_urn, required, done, due_date, n FROM compliance_counts"
                        + " WHERE n <> 0)) d"))
                .as("kept counts differ from the facts")
                .isZero();
        assertThat(Db.count("SELECT count(*) FROM compliance_counts WHERE n < 0"))
                .isZero();
        assertThat(Db.count("SELECT count(*) FROM compliance_dirty")).isZero();
        assertThat(Db.count("SELECT count(*) FROM compliance_pending")).isZero();
        return bySchool;
    }

    private static Map<String, Long> counts(JsonPath json, String at) {
        Map<String, Long> counts = new HashMap<>();
        Map<String, String> names =
                Map.of("done", "DONE", "due", "DUE", "overdue", "OVERDUE", "notRequired", "NOT_REQUIRED");
        names.forEach((field, status) -> {
            long n = json.getLong(at + "." + field);
            if (n > 0) {
                counts.put(status, n);
            }
        });
        return counts;
    }
}
