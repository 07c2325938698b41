package org.schooltrust.smp.concern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Concerns;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/**
 * No concern without a handler (issue 23, ADR 0024): a concern naming a school's only Head — and every allegation
 * about a Head — goes to the Trust's safeguarding leads, who are told, can read and handle it; the reporter is told
 * where it went; the Head never sees it.
 */
@ApiTest
class TrustRouteTest {

    /** The Trust lead the test profile configures ({@code smp.safeguarding.trust-leads}). */
    private static final String LEAD = "TDSL0001";

    private String school;
    private String head;
    private String reporter;

    @BeforeEach
    void setUp() {
        Api.as(Tokens.hrSync())
                .body(TestData.anAdult(LEAD).build())
                .put("/api/v1/staff/{hrId}", LEAD)
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
        school = TestData.newSchool();
        head = TestData.newHrId("H");
        Api.as(Tokens.hrSync())
                .body(TestData.anAdult(head).headAt(school).build())
                .put("/api/v1/staff/{hrId}", head)
                .then()
                .statusCode(201);
        reporter = TestData.hrAdultAt(school);
    }

    private static String leadToken() {
        return Tokens.user("trust-lead", LEAD, Set.of("trust-dsl"));
    }

    private String raise(String about) {
        Map<String, Object> body = Concerns.body(school, "SOCIAL_CONTACT");
        if (about != null) {
            body.put("aboutStaffHrId", about);
        }
        var raised = Api.as(Tokens.staff(reporter, school))
                .body(body)
                .post("/api/v1/me/concerns")
                .then()
                .statusCode(201)
                .extract();
        return raised.path("id") + "|" + raised.path("route");
    }

    private static long noticesTo(String hrId, String concern) {
        return Db.count(
                "SELECT count(*) FROM reminder_messages m JOIN adults a ON a.id = m.recipient_adult_id"
                        + " WHERE a.hr_id = ? AND m.kind = 'CONCERN_RAISED' AND m.context->>'concernId' = ?",
                hrId,
                concern);
    }

    @Test
    void aConcernAboutTheOnlyHeadReachesTheTrustLeadAndNeverTheHead() {
        String[] raised = raise(head).split("\\|");
        String id = raised[0];
        assertThat(raised[1]).as("the reporter is told where it went").isEqualTo("TRUST");
        assertThat(noticesTo(LEAD, id)).isEqualTo(1);
        assertThat(noticesTo(head, id)).isZero();

        Api.as(leadToken())
                .get("/api/v1/concerns/trust-routed?limit=100")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        String etag = Api.as(leadToken())
                .get("/api/v1/schools/{urn}/concerns/{id}", school, id)
                .then()
                .statusCode(200)
                .body("route", equalTo("TRUST"))
                .extract()
                .header("ETag");
        Api.as(leadToken())
                .header("If-Match", etag)
                .post("/api/v1/schools/{urn}/concerns/{id}/acknowledge", school, id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));

        String headToken = Tokens.headToken(head, school);
        Api.as(headToken)
                .get("/api/v1/schools/{urn}/concerns/{id}", school, id)
                .then()
                .statusCode(404);
        Api.as(headToken)
                .get("/api/v1/schools/{urn}/concerns", school)
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void aSchoolWithNoHeadOrDslInTheRegisterSendsItsConcernsToTheTrust() {
        String orphan = TestData.newSchool();
        String adult = TestData.hrAdultAt(orphan);
        String id = Api.as(Tokens.staff(adult, orphan))
                .body(Concerns.body(orphan, "TROLLING"))
                .post("/api/v1/me/concerns")
                .then()
                .statusCode(201)
                .body("route", equalTo("TRUST"))
                .extract()
                .path("id");
        assertThat(noticesTo(LEAD, id)).isEqualTo(1);
        Api.as(leadToken())
                .get("/api/v1/schools/{urn}/concerns", orphan)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void aConcernTheSchoolCanHandleStaysWithTheSchoolAndTheTrustLeadCannotReadIt() {
        String id = raise(null).split("\\|")[0];
        Api.as(Tokens.headToken(head, school))
                .get("/api/v1/schools/{urn}/concerns/{id}", school, id)
                .then()
                .statusCode(200)
                .body("route", equalTo("SCHOOL"));
        assertThat(noticesTo(LEAD, id)).isZero();
        Api.as(leadToken())
                .get("/api/v1/schools/{urn}/concerns/{id}", school, id)
                .then()
                .statusCode(404);
        Api.as(leadToken())
                .get("/api/v1/concerns/trust-routed?limit=100")
                .then()
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void aTrustDslTokenForSomeoneWhoIsNotATrustLeadHoldsNoAuthority() {
        String id = raise(head).split("\\|")[0];
        String stranger = Tokens.user("stranger", reporter, Set.of("trust-dsl"));
        Api.as(stranger).get("/api/v1/concerns/trust-routed").then().statusCode(404);
        Api.as(stranger)
                .get("/api/v1/schools/{urn}/concerns/{id}", school, id)
                .then()
                .statusCode(404);
        Api.as(Tokens.staff(reporter, school))
                .get("/api/v1/concerns/trust-routed")
                .then()
                .statusCode(403);
    }

    @Test
    void trustAdminAndTheReadinessDetailsShowSchoolsWithoutADslOrHead() {
        String orphan = TestData.newSchool();
        var gaps = Api.as(Tokens.trustAdmin())
                .get("/api/v1/concerns/coverage?gapsOnly=true")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(gaps.getList("items.schoolUrn")).contains(orphan, school);
        assertThat(gaps.getInt("items.find { it.schoolUrn == '" + orphan + "' }.heads"))
                .isZero();
        assertThat(gaps.getInt("items.find { it.schoolUrn == '" + school + "' }.heads"))
                .isEqualTo(1);
        assertThat(gaps.getInt("items.find { it.schoolUrn == '" + school + "' }.dsls"))
                .isZero();
        Api.as(Tokens.staff(reporter, school))
                .get("/api/v1/concerns/coverage")
                .then()
                .statusCode(403);

        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        io.restassured.RestAssured.given()
                .get("http://localhost:" + port + "/q/health/ready")
                .then()
                .statusCode(200)
                .body(
                        "checks.find { it.name == 'safeguarding-coverage' }.data.schoolsWithoutDsl",
                        org.hamcrest.Matchers.greaterThan(0));
    }
}
