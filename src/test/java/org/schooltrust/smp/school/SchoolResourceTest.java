package org.schooltrust.smp.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

@ApiTest
class SchoolResourceTest {

    @Test
    void trustAdminAndHrMayWriteOthersMayNot() {
        String urn = TestData.newSchool();
        Map<String, Object> body = Map.of("name", "Renamed", "status", "OPEN");
        Api.as(Tokens.hrSync())
                .body(body)
                .put("/api/v1/schools/{urn}", urn)
                .then()
                .statusCode(200);
        for (String token :
                List.of(Tokens.head("H1", urn), Tokens.staff("S1", urn), Tokens.mis(urn), Tokens.registerReader())) {
            Api.as(token).body(body).put("/api/v1/schools/{urn}", urn).then().statusCode(403);
        }
        Api.anonymous().body(body).put("/api/v1/schools/{urn}", urn).then().statusCode(401);
    }

    @Test
    void everyAuthenticatedCallerMayRead() {
        String urn = TestData.newSchool();
        for (String token : List.of(
                Tokens.head("H1", urn),
                Tokens.staff("S1", urn),
                Tokens.mis(urn),
                Tokens.registerReader(),
                Tokens.hrSync(),
                Tokens.trustAdmin())) {
            Api.as(token)
                    .get("/api/v1/schools/{urn}", urn)
                    .then()
                    .statusCode(200)
                    .body("urn", equalTo(urn));
            Api.as(token).get("/api/v1/schools?limit=1000").then().statusCode(200);
        }
        Api.anonymous().get("/api/v1/schools/{urn}", urn).then().statusCode(401);
        Api.as(Tokens.staff("S1", urn))
                .get("/api/v1/schools/{urn}", "000001")
                .then()
                .statusCode(404);
        Api.as(Tokens.staff("S1", urn))
                .get("/api/v1/schools/{urn}", "12ab56")
                .then()
                .statusCode(422);
    }

    @Test
    void upsertIsIdempotentWithETagsAndIfMatch() {
        String urn = TestData.newSchool();
        String etag =
                Api.as(Tokens.trustAdmin()).get("/api/v1/schools/{urn}", urn).header("ETag");
        long events = Db.count("SELECT count(*) FROM audit_events WHERE target_type = 'school' AND target_id = ?", urn);
        Api.as(Tokens.trustAdmin())
                .body(Map.of("name", "School " + urn, "status", "OPEN"))
                .put("/api/v1/schools/{urn}", urn)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(etag));
        assertThat(Db.count("SELECT count(*) FROM audit_events WHERE target_type = 'school' AND target_id = ?", urn))
                .isEqualTo(events);
        Api.as(Tokens.trustAdmin())
                .header("If-Match", "\"41\"")
                .body(Map.of("name", "Closed school", "status", "CLOSED"))
                .put("/api/v1/schools/{urn}", urn)
                .then()
                .statusCode(412);
        Api.as(Tokens.trustAdmin())
                .header("If-Match", etag)
                .body(Map.of("name", "Closed school", "status", "CLOSED"))
                .put("/api/v1/schools/{urn}", urn)
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"));
        assertThat(Db.count(
                        "SELECT count(*) FROM audit_events WHERE target_type = 'school' AND target_id = ?"
                                + " AND action = 'school.updated'",
                        urn))
                .isEqualTo(1);
    }

    @Test
    void badInputChangesNothing() {
        long before = Db.count("SELECT count(*) FROM schools");
        Api.as(Tokens.trustAdmin())
                .body(Map.of("name", "X", "status", "OPEN"))
                .put("/api/v1/schools/1234567")
                .then()
                .statusCode(422);
        Api.as(Tokens.trustAdmin())
                .body(Map.of("name", "X", "status", "OPEN"))
                .put("/api/v1/schools/abcdef")
                .then()
                .statusCode(422);
        Api.as(Tokens.trustAdmin())
                .body(Map.of("status", "OPEN"))
                .put("/api/v1/schools/654321")
                .then()
                .statusCode(422);
        Api.as(Tokens.trustAdmin())
                .body(Map.of("name", "X", "status", "AJAR"))
                .put("/api/v1/schools/654321")
                .then()
                .statusCode(422) // an unknown enum value is a 422 naming the field, like every other bad value
                .body("errors.field", org.hamcrest.Matchers.hasItem("status"));
        Api.as(Tokens.trustAdmin())
                .body(Map.of("name", "x".repeat(201), "status", "OPEN"))
                .put("/api/v1/schools/654321")
                .then()
                .statusCode(422);
        Api.as(Tokens.trustAdmin()).put("/api/v1/schools/654321").then().statusCode(422);
        assertThat(Db.count("SELECT count(*) FROM schools")).isEqualTo(before);
    }

    @Test
    void deltaReadsReturnChangedSchools() {
        String since = Instant.now().toString();
        String urn = TestData.newSchool();
        Api.as(Tokens.registerReader())
                .get("/api/v1/schools?updatedSince={since}", since)
                .then()
                .statusCode(200)
                .body("items.urn", hasItem(urn));
    }
}
