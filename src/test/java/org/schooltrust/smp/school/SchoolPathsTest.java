package org.schooltrust.smp.school;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/** A school that does not exist is 404 on every path under it, for every caller that may use the path at all. */
@ApiTest
class SchoolPathsTest {

    private static final String NONE = "999999";

    private static void notFound(String token, String path) {
        Api.as(token)
                .get(path, NONE)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void aTrustAdminsListOfASchoolThatDoesNotExistIs404NotAnEmptyPage() {
        String admin = Tokens.trustAdmin();
        for (String path : List.of(
                "/api/v1/schools/{urn}/family-declarations",
                "/api/v1/schools/{urn}/compliance",
                "/api/v1/schools/{urn}/permissions/check?hrId=E1&pupilMisId=P1")) {
            notFound(admin, path);
        }
    }

    @Test
    void everyOtherCallerOfASchoolThatDoesNotExistGets404Too() {
        String head = Tokens.headToken(TestData.newHrId("H"), NONE);
        for (String path : List.of(
                "/api/v1/schools/{urn}/concerns",
                "/api/v1/schools/{urn}/permissions",
                "/api/v1/schools/{urn}/family-declarations/not-answered",
                "/api/v1/schools/{urn}/compliance")) {
            notFound(head, path);
        }
        notFound(Tokens.mis(NONE), "/api/v1/schools/{urn}/family-links");
    }

    @Test
    void theRoleCheckAndAuthenticationStillComeFirst() {
        given().get("/api/v1/schools/{urn}/compliance", NONE).then().statusCode(401);
        Api.as(Tokens.staff(TestData.newHrId("E"), NONE))
                .get("/api/v1/schools/{urn}/compliance", NONE)
                .then()
                .statusCode(403);
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/schools/{urn}/family-links", NONE)
                .then()
                .statusCode(403);
    }

    @Test
    void anExistingSchoolIsServedAsBefore() {
        String urn = TestData.newSchool();
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/schools/{urn}/family-declarations", urn)
                .then()
                .statusCode(200);
    }
}
