package org.schooltrust.smp.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

@ApiTest
class StaffWriteTest {

    String school;
    String hrId;

    @BeforeEach
    void aSchool() {
        school = TestData.newSchool();
        hrId = TestData.newHrId("E");
    }

    private Response put(String token, Map<String, Object> body) {
        return Api.as(token).body(body).put("/api/v1/staff/{id}", hrId);
    }

    @Test
    void hrCreatesThenIdenticalPutChangesNothing() {
        Map<String, Object> body = TestData.anAdult(hrId).at(school).build();
        Response created = put(Tokens.hrSync(), body);
        created.then()
                .statusCode(201)
                .header("ETag", notNullValue())
                .body("source", equalTo("HR"))
                .body("assignments[0].schoolUrn", equalTo(school));
        long events = Db.count("SELECT count(*) FROM audit_events WHERE target_id = ?", hrId);

        Response again = put(Tokens.hrSync(), body);
        again.then().statusCode(200).header("ETag", equalTo(created.header("ETag")));
        assertThat(again.jsonPath().getString("updatedAt"))
                .isEqualTo(created.jsonPath().getString("updatedAt"));
        assertThat(Db.count("SELECT count(*) FROM audit_events WHERE target_id = ?", hrId))
                .isEqualTo(events);
    }

    @Test
    void changeBumpsETagAndIsAuditedByFieldNameOnly() {
        put(Tokens.hrSync(), TestData.anAdult(hrId).at(school).build()).then().statusCode(201);
        Response changed = put(
                Tokens.hrSync(),
                TestData.anAdult(hrId)
                        .at(school)
                        .with("lastName", "Marriedname")
                        .build());
        changed.then().statusCode(200).header("ETag", equalTo("\"2\"")).body("lastName", equalTo("Marriedname"));
        assertThat(Db.count(
                        "SELECT count(*) FROM audit_events WHERE target_id = ? AND action = 'staff.updated'"
                                + " AND changed_fields = ARRAY['lastName']",
                        hrId))
                .isEqualTo(1);
        assertThat(
                        Db.count(
                                "SELECT count(*) FROM audit_events WHERE array_to_string(changed_fields, ',') LIKE '%Marriedname%'"))
                .isZero();
    }

    @Test
    void ifMatchIsHonoured() {
        String etag =
                put(Tokens.hrSync(), TestData.anAdult(hrId).at(school).build()).header("ETag");
        Map<String, Object> change =
                TestData.anAdult(hrId).at(school).with("firstName", "Samantha").build();
        Api.as(Tokens.hrSync())
                .header("If-Match", "\"999\"")
                .body(change)
                .put("/api/v1/staff/{id}", hrId)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        Api.as(Tokens.hrSync())
                .header("If-Match", etag)
                .body(change)
                .put("/api/v1/staff/{id}", hrId)
                .then()
                .statusCode(200)
                .body("firstName", equalTo("Samantha"));
        Api.as(Tokens.hrSync())
                .header("If-Match", "\"1\"")
                .body(TestData.anAdult("NEW-" + hrId).at(school).build())
                .put("/api/v1/staff/{id}", "NEW-" + hrId)
                .then()
                .statusCode(412);
    }

    @Test
    void deactivatingKeepsTheRecord() {
        put(Tokens.hrSync(), TestData.anAdult(hrId).at(school).build()).then().statusCode(201);
        put(
                        Tokens.hrSync(),
                        TestData.anAdult(hrId).at(school).with("active", false).build())
                .then()
                .statusCode(200)
                .body("active", equalTo(false));
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/staff/{id}", hrId)
                .then()
                .statusCode(200)
                .body("active", equalTo(false));
    }

    @Test
    void headCreatesManualVolunteerForOwnSchoolOnly() {
        String head = Tokens.head("H-" + hrId, school);
        put(
                        head,
                        TestData.anAdult(hrId)
                                .at(school)
                                .with("category", "VOLUNTEER")
                                .build())
                .then()
                .statusCode(201)
                .body("source", equalTo("MANUAL"));

        String elsewhere = TestData.newSchool();
        String other = TestData.newHrId("V");
        String before = Db.staffSnapshot();
        Api.as(head)
                .body(TestData.anAdult(other)
                        .at(elsewhere)
                        .with("category", "VOLUNTEER")
                        .build())
                .put("/api/v1/staff/{id}", other)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("assignments[0].schoolUrn"));
        assertThat(Db.staffSnapshot()).isEqualTo(before);
    }

    @Test
    void headCannotTouchAnotherSchoolsManualRecordNorHrRecords() {
        String elsewhere = TestData.newSchool();
        put(
                        Tokens.trustAdmin(),
                        TestData.anAdult(hrId)
                                .at(elsewhere)
                                .with("category", "GOVERNOR")
                                .build())
                .then()
                .statusCode(201)
                .body("source", equalTo("MANUAL"));
        // the same answer for an HR id held at another school, kept by HR, or anywhere: never where it is
        String atAnotherSchool = put(
                        Tokens.head("H-" + hrId, school),
                        TestData.anAdult(hrId).at(school).build())
                .then()
                .statusCode(409)
                .extract()
                .path("detail");
        org.assertj.core.api.Assertions.assertThat(atAnotherSchool).doesNotContain(elsewhere);

        String hrAdult = TestData.hrAdultAt(school);
        Api.as(Tokens.head("H-" + hrId, school))
                .body(TestData.anAdult(hrAdult)
                        .at(school)
                        .with("firstName", "Edited")
                        .build())
                .put("/api/v1/staff/{id}", hrAdult)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo(atAnotherSchool.replace(hrId, hrAdult)));
        Api.as(Tokens.trustAdmin())
                .body(TestData.anAdult(hrAdult)
                        .at(school)
                        .with("firstName", "Edited")
                        .build())
                .put("/api/v1/staff/{id}", hrAdult)
                .then()
                .statusCode(409);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        String before = Db.staffSnapshot();
        List<Object[]> cases = List.of(
                new Object[] {
                    TestData.anAdult(hrId).at(school).without("firstName").build(), 422, "firstName"
                },
                new Object[] {
                    TestData.anAdult(hrId).at(school).without("active").build(), 422, "active"
                },
                new Object[] {TestData.anAdult(hrId).without("assignments").build(), 422, "assignments"},
                new Object[] {
                    TestData.anAdult(hrId)
                            .at(school)
                            .with("workEmail", "not-an-email")
                            .build(),
                    422,
                    "workEmail"
                },
                new Object[] {
                    TestData.anAdult(hrId).at(school).with("category", "WIZARD").build(), 422, "category"
                },
                new Object[] {TestData.anAdult(hrId).at("12345").build(), 422, "assignments[0].schoolUrn"},
                new Object[] {TestData.anAdult(hrId).at("999999").build(), 422, "assignments[0].schoolUrn"},
                new Object[] {
                    TestData.anAdult(hrId)
                            .at(school)
                            .with("hrId", "SOMEONE-ELSE")
                            .build(),
                    422,
                    "hrId"
                },
                new Object[] {
                    TestData.anAdult(hrId).at(school).with("active", "yes").build(), 400, "active"
                },
                new Object[] {
                    TestData.anAdult(hrId)
                            .at(school)
                            .with("assignments", "none")
                            .build(),
                    400,
                    "assignments"
                },
                new Object[] {
                    TestData.anAdult(hrId)
                            .with("assignments", List.of(Map.of("schoolUrn", school, "startDate", "2024-02-30")))
                            .build(),
                    400,
                    "assignments[0].startDate"
                },
                new Object[] {
                    TestData.anAdult(hrId)
                            .with(
                                    "assignments",
                                    List.of(Map.of(
                                            "schoolUrn", school, "startDate", "2024-09-01", "endDate", "2024-01-01")))
                            .build(),
                    422,
                    "assignments[0].endDate"
                });
        for (Object[] c : cases) {
            put(Tokens.hrSync(), (Map<String, Object>) c[0])
                    .then()
                    .statusCode((Integer) c[1])
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem((String) c[2]));
        }
        Api.as(Tokens.hrSync())
                .body("{\"firstName\": ")
                .put("/api/v1/staff/{id}", hrId)
                .then()
                .statusCode(400);
        Api.as(Tokens.hrSync()).put("/api/v1/staff/{id}", hrId).then().statusCode(422);
        Api.as(Tokens.hrSync())
                .body("[]")
                .put("/api/v1/staff/{id}", hrId)
                .then()
                .statusCode(400);
        Api.as(Tokens.hrSync())
                .body(TestData.anAdult("bad id!").at(school).build())
                .put("/api/v1/staff/{id}", "bad id!")
                .then()
                .statusCode(422);
        assertThat(Db.staffSnapshot()).isEqualTo(before);
    }

    @Test
    void everyMissingFieldIsListedAtOnce() {
        Api.as(Tokens.hrSync())
                .body(Map.of())
                .put("/api/v1/staff/{id}", hrId)
                .then()
                .statusCode(422)
                .body(
                        "errors.field",
                        hasItems("firstName", "lastName", "workEmail", "category", "active", "assignments"));
    }

    @Test
    void headChangesOnlyTheirOwnSchoolsPartOfAManualRecordShared() {
        String elsewhere = TestData.newSchool();
        Map<String, Object> both = TestData.anAdult(hrId)
                .at(school)
                .at(elsewhere)
                .with("category", "GOVERNOR")
                .build();
        ((List<Map<String, Object>>) both.get("assignments")).get(1).put("startDate", "2023-01-09");
        put(Tokens.trustAdmin(), both).then().statusCode(201);
        String head = Tokens.head("H-" + hrId, school);

        put(
                        head,
                        TestData.anAdult(hrId)
                                .at(school)
                                .with("category", "GOVERNOR")
                                .with("active", false)
                                .build())
                .then()
                .statusCode(409);
        put(
                        head,
                        TestData.anAdult(hrId)
                                .at(school)
                                .with("category", "GOVERNOR")
                                .with("lastName", "Other")
                                .build())
                .then()
                .statusCode(409);
        Map<String, Object> ownPart =
                TestData.anAdult(hrId).at(school).with("category", "GOVERNOR").build();
        ((List<Map<String, Object>>) ownPart.get("assignments")).get(0).put("jobTitle", "Chair of governors");
        // the Head is shown only their school's part (as a GET shows them); the other school's part is kept
        put(head, ownPart)
                .then()
                .statusCode(200)
                .body("active", equalTo(true))
                .body("assignments.schoolUrn", equalTo(List.of(school)))
                .body("assignments.find { it.schoolUrn == '" + school + "' }.jobTitle", equalTo("Chair of governors"));
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/staff/{id}", hrId)
                .then()
                .statusCode(200)
                .body("assignments.schoolUrn", hasItems(school, elsewhere));
    }
}
