package org.schooltrust.smp.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Policies;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

@ApiTest
class ComplianceTest {

    String school;
    String otherSchool;
    String slug;
    String sha;
    String done;
    String due;
    String volunteer;

    @BeforeEach
    void aSchoolWithThreeAdults() {
        school = TestData.newSchool();
        otherSchool = TestData.newSchool();
        slug = Policies.newPolicy();
        sha = Policies.publish(slug, Policies.version("1.0", "1. Rules\n1.1 Rule.\n", true, school, otherSchool));
        done = TestData.hrAdultAt(school);
        due = TestData.hrAdultAt(school);
        TestData.hrAdultAt(otherSchool);
        volunteer = TestData.newHrId("V");
        Api.as(Tokens.trustAdmin())
                .body(TestData.anAdult(volunteer)
                        .at(school)
                        .with("category", "VOLUNTEER")
                        .with("firstName", "=HYPERLINK(\"x\")")
                        .build())
                .put("/api/v1/staff/{id}", volunteer)
                .then()
                .statusCode(201);
        Api.as(Tokens.staff(done, school))
                .body(Policies.ack(slug, "1.0", school, sha))
                .post("/api/v1/me/acknowledgements")
                .then()
                .statusCode(201);
    }

    @Test
    void headSeesCountsAndPagedAdultsOfTheirSchool() {
        String head = Tokens.head(done, school);
        Api.as(head)
                .get("/api/v1/schools/{urn}/compliance?policy={slug}&limit=2", school, slug)
                .then()
                .statusCode(200)
                .body("version", equalTo("1.0"))
                .body("counts.done", equalTo(1))
                .body("counts.due", equalTo(1))
                .body("counts.overdue", equalTo(0))
                .body("counts.notRequired", equalTo(1))
                .body("items.size()", equalTo(2))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue())
                .header("Link", org.hamcrest.Matchers.containsString("rel=\"next\""));
        Api.as(head)
                .get("/api/v1/schools/{urn}/compliance?policy={slug}&status=DUE", school, slug)
                .then()
                .body("items.hrId", equalTo(List.of(due)));
        Api.as(head)
                .get("/api/v1/schools/{urn}/compliance?policy={slug}&status=OVERDUE", school, slug)
                .then()
                .body("items.size()", equalTo(0));
    }

    @Test
    void anotherSchoolsHeadGets404AndOtherRolesAre403() {
        Api.as(Tokens.head("H2", otherSchool))
                .get("/api/v1/schools/{urn}/compliance?policy={slug}", school, slug)
                .then()
                .statusCode(404);
        Api.as(Tokens.head("H2", otherSchool))
                .accept("text/csv")
                .get("/api/v1/schools/{urn}/compliance?policy={slug}", school, slug)
                .then()
                .statusCode(404);
        for (String token :
                List.of(Tokens.staff(done, school), Tokens.hrSync(), Tokens.mis(school), Tokens.registerReader())) {
            Api.as(token)
                    .get("/api/v1/schools/{urn}/compliance?policy={slug}", school, slug)
                    .then()
                    .statusCode(403);
            Api.as(token).get("/api/v1/compliance?policy={slug}", slug).then().statusCode(403);
        }
        Api.as(Tokens.head(done, school))
                .get("/api/v1/compliance?policy={slug}", slug)
                .then()
                .statusCode(403);
        Api.anonymous().get("/api/v1/compliance").then().statusCode(401);
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/schools/{urn}/compliance?policy={slug}", school, slug)
                .then()
                .statusCode(200);
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/schools/000000/compliance")
                .then()
                .statusCode(404);
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/schools/{urn}/compliance?policy=nope", school)
                .then()
                .statusCode(404);
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/schools/{urn}/compliance?policy={slug}&status=LATE", school, slug)
                .then()
                .statusCode(422);
    }

    @Test
    void csvExportIsTheSameListWithFormulasNeutralised() {
        String csv = Api.as(Tokens.head(done, school))
                .accept("text/csv")
                .get("/api/v1/schools/{urn}/compliance?policy={slug}", school, slug)
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract()
                .asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0))
                .isEqualTo(
                        "hrId,firstName,lastName,category,status,dueDate,acknowledgedAt,remindersSent,lastRemindedAt");
        assertThat(lines).hasSize(4);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(done + ",").contains(",DONE,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(volunteer + ",\"'=HYPERLINK(\"\"x\"\")\","));
    }

    @Test
    void trustSummaryHasOneRowPerSchool() {
        Map<String, Object> summary = Api.as(Tokens.trustAdmin())
                .get("/api/v1/compliance?policy={slug}", slug)
                .then()
                .statusCode(200)
                .body("schools.schoolUrn", hasItem(school))
                .body("schools.schoolUrn", hasItem(otherSchool))
                .extract()
                .path("");
        List<Map<String, Object>> schools = (List<Map<String, Object>>) summary.get("schools");
        Map<String, Object> own = schools.stream()
                .filter(s -> s.get("schoolUrn").equals(school))
                .findFirst()
                .orElseThrow();
        assertThat(own.get("counts")).isEqualTo(Map.of("done", 1, "due", 1, "overdue", 0, "notRequired", 1));
        Map<String, Object> other = schools.stream()
                .filter(s -> s.get("schoolUrn").equals(otherSchool))
                .findFirst()
                .orElseThrow();
        assertThat(other.get("counts")).isEqualTo(Map.of("done", 0, "due", 1, "overdue", 0, "notRequired", 0));
    }

    @org.junit.jupiter.api.Test
    void theTrustSummaryIsPagedBySchoolWithATotalForTheWholeTrust() {
        String admin = Tokens.trustAdmin();
        var first = Api.as(admin).get("/api/v1/compliance?policy={slug}&limit=1", slug);
        first.then()
                .statusCode(200)
                .body("schools.size()", equalTo(1))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue())
                .header("Link", org.hamcrest.Matchers.containsString("rel=\"next\""));
        // the total covers every school, not the page: the same on a page of one as on a page of all
        Map<String, Object> whole = Api.as(admin)
                .get("/api/v1/compliance?policy={slug}&limit=1000", slug)
                .then()
                .statusCode(200)
                .extract()
                .path("total");
        org.assertj.core.api.Assertions.assertThat((Map<String, Object>) first.path("total"))
                .isEqualTo(whole);
        org.assertj.core.api.Assertions.assertThat(
                        ((Number) whole.get("done")).longValue() + ((Number) whole.get("due")).longValue())
                .isGreaterThanOrEqualTo(2);
        Api.as(admin)
                .get("/api/v1/compliance?policy={slug}&limit=1&cursor={c}", slug, first.path("nextCursor"))
                .then()
                .statusCode(200)
                .body("schools.size()", equalTo(1));
        Api.as(admin)
                .get("/api/v1/family-declarations/summary?limit=1")
                .then()
                .statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.lessThanOrEqualTo(1));
    }
}
