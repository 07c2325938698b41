package org.schooltrust.smp.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Events;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/**
 * Staff events reach the schools the adult works at now, and one they have just left — never by first assignment
 * (issue 25): the Head of a school the adult left years ago is not told, the current school's Head is.
 */
@ApiTest
class StaffEventSchoolsTest {

    private static void putAsHr(String hrId, List<Map<String, Object>> assignments, String lastName) {
        Map<String, Object> body = new java.util.HashMap<>(
                TestData.anAdult(hrId).with("lastName", lastName).build());
        body.put("assignments", assignments);
        Api.as(Tokens.hrSync())
                .body(body)
                .put("/api/v1/staff/{hrId}", hrId)
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.equalTo(200), org.hamcrest.Matchers.equalTo(201)));
    }

    private static List<String> staffEventsFor(String head, String school, String cursor, String hrId) {
        Events.awaitSettled();
        return Events.poll(Tokens.head(head, school), cursor, null).events().stream()
                .filter(e -> String.valueOf(e.get("data")).contains(hrId))
                .map(e -> (String) e.get("type"))
                .toList();
    }

    @Test
    void aChangeReachesTheCurrentSchoolsHeadNotTheOneTheAdultLeftYearsAgo() {
        String formerSchool = TestData.newSchool();
        String currentSchool = TestData.newSchool();
        String formerHead = TestData.newHrId("H");
        String currentHead = TestData.newHrId("H");
        String hrId = TestData.newHrId("E");
        List<Map<String, Object>> assignments = List.of(
                Map.of("schoolUrn", formerSchool, "startDate", "2015-09-01", "endDate", "2019-07-31"),
                Map.of("schoolUrn", currentSchool, "startDate", "2019-09-01"));
        putAsHr(hrId, assignments, "Before");
        Tokens.head(formerHead, formerSchool);
        Tokens.head(currentHead, currentSchool);
        String cursor = Events.latest();

        putAsHr(hrId, assignments, "After");

        assertThat(staffEventsFor(currentHead, currentSchool, cursor, hrId)).containsExactly("staff.updated");
        assertThat(staffEventsFor(formerHead, formerSchool, cursor, hrId)).isEmpty();
    }

    @Test
    void aLeaverIsReportedToTheSchoolJustLeft() {
        String school = TestData.newSchool();
        String head = TestData.newHrId("H");
        String hrId = TestData.newHrId("E");
        List<Map<String, Object>> assignments = List.of(Map.of("schoolUrn", school, "startDate", "2019-09-01"));
        putAsHr(hrId, assignments, "Leaving");
        Tokens.head(head, school);
        String cursor = Events.latest();

        Map<String, Object> body = new java.util.HashMap<>(TestData.anAdult(hrId)
                .with("lastName", "Leaving")
                .with("active", false)
                .build());
        body.put("assignments", assignments);
        Api.as(Tokens.hrSync())
                .body(body)
                .put("/api/v1/staff/{hrId}", hrId)
                .then()
                .statusCode(200);

        assertThat(staffEventsFor(head, school, cursor, hrId)).isNotEmpty();
    }
}
