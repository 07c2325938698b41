package org.schooltrust.smp.concern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
import org.schooltrust.smp.support.Events;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/** Express permissions (clause 6.5): granted by a Head, seen by the adult, checked by portals, expiring and revoked. */
@ApiTest
class PermissionTest {

    private static final String PURPOSE = "Class parents' group on the school's approved account";

    @AfterEach
    void reset() {
        TestClock.get().reset();
    }

    private static Map<String, Object> permission(String hrId, LocalDate from, LocalDate to) {
        Map<String, Object> body = new HashMap<>();
        body.put("staffHrId", hrId);
        body.put("purpose", PURPOSE);
        body.put("channel", "Facebook: @stjames.year4");
        body.put("validFrom", from.toString());
        body.put("validTo", to.toString());
        return body;
    }

    private static boolean granted(String token, String school, String hrId, String purpose) {
        return Api.as(token)
                .queryParam("staffHrId", hrId)
                .queryParam("purpose", purpose)
                .get("/api/v1/schools/{urn}/permissions/check", school)
                .then()
                .statusCode(200)
                .extract()
                .path("granted");
    }

    @Test
    void aHeadGrantsTheAdultSeesItPortalsCheckItAndItEnds() {
        String school = TestData.newSchool();
        String headId = TestData.newHrId("H");
        String head = Tokens.head(headId, school);
        String adult = TestData.hrAdultAt(school);
        LocalDate today = LocalDate.now(TestClock.get());
        String cursor = Events.latest();
        var created = Api.as(head)
                .body(permission(adult, today, today.plusDays(30)))
                .post("/api/v1/schools/{urn}/permissions", school)
                .then()
                .statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .body("grantedByHrId", equalTo(headId))
                .extract();
        String id = created.path("id");
        String etag = created.header("ETag");

        Api.as(Tokens.staff(adult, school))
                .get("/api/v1/me/permissions")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(id));
        assertThat(granted(
                        Tokens.staff(adult, school),
                        school,
                        adult,
                        "class PARENTS'  group on the school's approved account"))
                .isTrue();
        assertThat(granted(Tokens.trustAdmin(), school, adult, PURPOSE)).isTrue();
        assertThat(granted(head, school, adult, "Another purpose")).isFalse();

        TestClock.get().advance(Duration.ofDays(31));
        assertThat(granted(Tokens.trustAdmin(), school, adult, PURPOSE))
                .as("expired")
                .isFalse();
        TestClock.get().reset();

        Api.as(head)
                .post("/api/v1/schools/{urn}/permissions/{id}/revoke", school, id)
                .then()
                .statusCode(428);
        Api.as(head)
                .header("If-Match", etag)
                .post("/api/v1/schools/{urn}/permissions/{id}/revoke", school, id)
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"));
        assertThat(granted(Tokens.trustAdmin(), school, adult, PURPOSE)).isFalse();

        var feed = Events.poll(Tokens.trustAdmin(), cursor, "school=" + school);
        assertThat(feed.types()).contains("permission.granted", "permission.revoked");
    }

    @Test
    void onlyTheSchoolsHeadsGrantAndNobodyElseLearnsAnything() {
        String school = TestData.newSchool();
        String other = TestData.newSchool();
        String head = Tokens.head(TestData.newHrId("H"), school);
        String otherHead = Tokens.head(TestData.newHrId("H"), other);
        String adult = TestData.hrAdultAt(school);
        String colleague = TestData.hrAdultAt(school);
        LocalDate today = LocalDate.now(TestClock.get());
        long before = Db.count("SELECT count(*) FROM express_permissions");

        Api.as(otherHead)
                .body(permission(adult, today, today.plusDays(5)))
                .post("/api/v1/schools/{urn}/permissions", school)
                .then()
                .statusCode(404);
        Api.as(otherHead)
                .body(permission(adult, today, today.plusDays(5)))
                .post("/api/v1/schools/{urn}/permissions", other)
                .then()
                .statusCode(422); // not an adult of that school
        for (String token :
                List.of(Tokens.staff(adult, school), Tokens.hrSync(), Tokens.mis(school), Tokens.trustAdmin())) {
            Api.as(token)
                    .body(permission(adult, today, today.plusDays(5)))
                    .post("/api/v1/schools/{urn}/permissions", school)
                    .then()
                    .statusCode(403);
        }
        // bad input: end before start, in the past, blank purpose, unknown adult, malformed dates
        Map<String, Object> backwards = permission(adult, today.plusDays(5), today);
        Map<String, Object> past = permission(adult, today.minusDays(10), today.minusDays(1));
        Map<String, Object> blank = permission(adult, today, today.plusDays(1));
        blank.put("purpose", "  ");
        Map<String, Object> nobody = permission("NOBODY-" + System.nanoTime(), today, today.plusDays(1));
        for (Map<String, Object> body : List.of(backwards, past, blank, nobody)) {
            Api.as(head)
                    .body(body)
                    .post("/api/v1/schools/{urn}/permissions", school)
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json");
        }
        Map<String, Object> badDate = permission(adult, today, today.plusDays(1));
        badDate.put("validTo", "next week");
        Api.as(head)
                .body(badDate)
                .post("/api/v1/schools/{urn}/permissions", school)
                .then()
                .statusCode(400);
        assertThat(Db.count("SELECT count(*) FROM express_permissions")).isEqualTo(before);

        // a colleague may not ask about another adult; another school's Head may not ask here
        Api.as(Tokens.staff(colleague, school))
                .queryParam("staffHrId", adult)
                .queryParam("purpose", PURPOSE)
                .get("/api/v1/schools/{urn}/permissions/check", school)
                .then()
                .statusCode(404);
        Api.as(otherHead)
                .queryParam("staffHrId", adult)
                .queryParam("purpose", PURPOSE)
                .get("/api/v1/schools/{urn}/permissions/check", school)
                .then()
                .statusCode(404);
        Api.as(head)
                .get("/api/v1/schools/{urn}/permissions/check", school)
                .then()
                .statusCode(422);
    }

    @Test
    void aHeadCannotGrantOrRevokeTheirOwnPermission() {
        String school = TestData.newSchool();
        String headId = TestData.newHrId("H");
        String head = Tokens.head(headId, school);
        String otherHeadId = TestData.newHrId("H");
        String otherHead = Tokens.head(otherHeadId, school);
        LocalDate today = LocalDate.now(TestClock.get());
        long before = Db.count("SELECT count(*) FROM express_permissions");
        Api.as(head)
                .body(permission(headId, today, today.plusDays(30)))
                .post("/api/v1/schools/{urn}/permissions", school)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("staffHrId"));
        assertThat(Db.count("SELECT count(*) FROM express_permissions")).isEqualTo(before);

        // another Head of the school may grant it; the Head it names still cannot revoke it
        var granted = Api.as(otherHead)
                .body(permission(headId, today, today.plusDays(30)))
                .post("/api/v1/schools/{urn}/permissions", school)
                .then()
                .statusCode(201)
                .extract();
        String id = granted.path("id");
        Api.as(head)
                .header("If-Match", granted.header("ETag"))
                .post("/api/v1/schools/{urn}/permissions/{id}/revoke", school, id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        assertThat(Db.first("SELECT revoked_at::text FROM express_permissions WHERE id = ?::uuid", id))
                .isNull();
    }
}
