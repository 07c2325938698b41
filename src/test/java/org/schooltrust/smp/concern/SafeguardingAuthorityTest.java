package org.schooltrust.smp.concern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Concerns;
import org.schooltrust.smp.support.Events;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/**
 * Authority to act as DSL or Head comes from the register's responsibility at the school, never from the schools claim
 * plus "works there" (issue 23, ADR 0011): a DSL at A who also teaches at B is nobody at B.
 */
@ApiTest
class SafeguardingAuthorityTest {

    private String a;
    private String b;
    private String lead;
    private String reporter;

    @BeforeEach
    void setUp() {
        a = TestData.newSchool();
        b = TestData.newSchool();
        lead = TestData.newHrId("D");
        Map<String, Object> adult = new HashMap<>(TestData.anAdult(lead).build());
        adult.put(
                "assignments",
                List.of(
                        Map.of("schoolUrn", a, "startDate", "2024-09-01", "responsibilities", List.of("DSL")),
                        Map.of("schoolUrn", b, "startDate", "2024-09-01")));
        Api.as(Tokens.hrSync())
                .body(adult)
                .put("/api/v1/staff/{hrId}", lead)
                .then()
                .statusCode(201);
        reporter = TestData.newHrId("E");
        Api.as(Tokens.hrSync())
                .body(TestData.anAdult(reporter).at(a).at(b).build())
                .put("/api/v1/staff/{hrId}", reporter)
                .then()
                .statusCode(201);
    }

    private String dslToken() {
        return Tokens.user("dsl-" + lead, lead, Set.of("staff", "dsl"), a, b);
    }

    private String raisedAt(String urn) {
        return Concerns.raise(Tokens.staff(reporter, a, b), Concerns.body(urn, "CYBERBULLYING"));
    }

    @Test
    void aDslAtATeachingAtBCannotListReadOrCloseBsConcernsNorSeeThemInTheFeed() {
        String cursor = Events.latest();
        String atA = raisedAt(a);
        String atB = raisedAt(b);
        String dsl = dslToken();

        Api.as(dsl).get("/api/v1/schools/{urn}/concerns", a).then().statusCode(200);
        Api.as(dsl).get("/api/v1/schools/{urn}/concerns/{id}", a, atA).then().statusCode(200);

        Api.as(dsl).get("/api/v1/schools/{urn}/concerns", b).then().statusCode(404);
        Api.as(dsl).get("/api/v1/schools/{urn}/concerns/{id}", b, atB).then().statusCode(404);
        Api.as(dsl)
                .header("If-Match", "\"1\"")
                .body(Map.of("outcome", "RESOLVED"))
                .post("/api/v1/schools/{urn}/concerns/{id}/close", b, atB)
                .then()
                .statusCode(404);
        Api.as(dsl)
                .get("/api/v1/schools/{urn}/concerns/{id}/evidence/{e}", b, atB, java.util.UUID.randomUUID())
                .then()
                .statusCode(404);

        Events.awaitSettled();
        List<Map<String, Object>> seen = Events.poll(dsl, cursor, null).events();
        assertThat(seen)
                .as("the DSL's feed carries A's concern, never B's")
                .noneMatch(e -> b.equals(e.get("schoolUrn")))
                .anyMatch(e -> a.equals(e.get("schoolUrn")));
    }

    @Test
    void aHeadAtATeachingAtBIsNoHeadAtB() {
        String head = TestData.newHrId("H");
        Map<String, Object> adult = new HashMap<>(TestData.anAdult(head).build());
        adult.put(
                "assignments",
                List.of(
                        Map.of(
                                "schoolUrn",
                                a,
                                "startDate",
                                "2024-09-01",
                                "responsibilities",
                                List.of("HEAD_OF_SCHOOL")),
                        Map.of("schoolUrn", b, "startDate", "2024-09-01")));
        Api.as(Tokens.hrSync())
                .body(adult)
                .put("/api/v1/staff/{hrId}", head)
                .then()
                .statusCode(201);
        String token = Tokens.headToken(head, a, b);
        Api.as(token).get("/api/v1/schools/{urn}/compliance", a).then().statusCode(200);
        Api.as(token).get("/api/v1/schools/{urn}/compliance", b).then().statusCode(404);
        Api.as(token).get("/api/v1/schools/{urn}/concerns", b).then().statusCode(404);
    }
}
