package org.schooltrust.smp.staff;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/** Who may call which staff endpoint, and what each caller sees: own school vs another school. */
@ApiTest
class StaffAccessTest {

    String ownSchool;
    String otherSchool;
    String ownAdult;
    String otherAdult;
    String headHrId;

    @BeforeEach
    void twoSchoolsWithOneAdultEach() {
        ownSchool = TestData.newSchool();
        otherSchool = TestData.newSchool();
        ownAdult = TestData.hrAdultAt(ownSchool);
        otherAdult = TestData.hrAdultAt(otherSchool);
        headHrId = TestData.hrAdultAt(ownSchool);
        Tokens.head(headHrId, ownSchool); // HR's record names them the school's Head
    }

    @Test
    void noTokenIsRefusedEverywhere() {
        Api.anonymous().get("/api/v1/staff").then().statusCode(401);
        Api.anonymous().get("/api/v1/staff/{id}", ownAdult).then().statusCode(401);
        Api.anonymous().get("/api/v1/me").then().statusCode(401);
        Api.anonymous()
                .body(TestData.anAdult("X1").at(ownSchool).build())
                .put("/api/v1/staff/X1")
                .then()
                .statusCode(401);
        Api.anonymous()
                .body("{\"records\": []}")
                .post("/api/v1/staff/sync")
                .then()
                .statusCode(401);
    }

    @Test
    void machineClientsWithoutStaffRolesAreRefused() {
        for (String token : List.of(Tokens.mis(ownSchool), Tokens.registerReader())) {
            Api.as(token).get("/api/v1/staff").then().statusCode(403);
            Api.as(token).get("/api/v1/staff/{id}", ownAdult).then().statusCode(403);
            Api.as(token)
                    .body(TestData.anAdult("X2").at(ownSchool).build())
                    .put("/api/v1/staff/X2")
                    .then()
                    .statusCode(403);
            Api.as(token)
                    .body("{\"records\": []}")
                    .post("/api/v1/staff/sync")
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void onlyHrMaySync() {
        String body = "{\"records\": []}";
        for (String token :
                List.of(Tokens.trustAdmin(), Tokens.head(headHrId, ownSchool), Tokens.staff(ownAdult, ownSchool))) {
            Api.as(token).body(body).post("/api/v1/staff/sync").then().statusCode(403);
        }
        Api.as(Tokens.hrSync()).body(body).post("/api/v1/staff/sync").then().statusCode(200);
    }

    @Test
    void hrAndTrustAdminSeeEveryone() {
        for (String token : List.of(Tokens.hrSync(), Tokens.trustAdmin())) {
            Api.as(token).get("/api/v1/staff/{id}", ownAdult).then().statusCode(200);
            Api.as(token).get("/api/v1/staff/{id}", otherAdult).then().statusCode(200);
            Api.as(token)
                    .get("/api/v1/staff?school={urn}", otherSchool)
                    .then()
                    .statusCode(200)
                    .body("items.hrId", hasItem(otherAdult));
        }
    }

    @Test
    void headSeesOwnSchoolOnlyAndAnotherSchoolsAdultIs404() {
        String head = Tokens.head(headHrId, ownSchool);
        Api.as(head).get("/api/v1/staff/{id}", ownAdult).then().statusCode(200).body("hrId", equalTo(ownAdult));
        Api.as(head).get("/api/v1/staff/{id}", otherAdult).then().statusCode(404);
        Api.as(head)
                .get("/api/v1/staff?limit=1000")
                .then()
                .statusCode(200)
                .body("items.hrId", hasItem(ownAdult))
                .body("items.hrId", not(hasItem(otherAdult)));
        Api.as(head)
                .get("/api/v1/staff?school={urn}", otherSchool)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void staffSeeOnlyThemselves() {
        String staff = Tokens.staff(ownAdult, ownSchool);
        Api.as(staff).get("/api/v1/staff/{id}", ownAdult).then().statusCode(200);
        Api.as(staff).get("/api/v1/staff/{id}", headHrId).then().statusCode(404);
        Api.as(staff).get("/api/v1/staff/{id}", otherAdult).then().statusCode(404);
        Api.as(staff)
                .get("/api/v1/staff?limit=1000")
                .then()
                .statusCode(200)
                .body("items.hrId", equalTo(List.of(ownAdult)));
        Api.as(staff).get("/api/v1/me").then().statusCode(200).body("hrId", equalTo(ownAdult));
    }

    @Test
    void staffMayNotWrite() {
        Api.as(Tokens.staff(ownAdult, ownSchool))
                .body(TestData.anAdult(ownAdult)
                        .at(ownSchool)
                        .with("firstName", "Changed")
                        .build())
                .put("/api/v1/staff/{id}", ownAdult)
                .then()
                .statusCode(403);
    }

    @Test
    void meFallsBackToEmailAndAnswers404WhenTheTokenNamesNobody() {
        String email = ownAdult.toLowerCase() + "@school.example";
        String byEmail = io.smallrye.jwt.build.Jwt.claims()
                .issuer(Tokens.ISSUER)
                .audience(Tokens.AUDIENCE)
                .subject("someone")
                .groups(Set.of("staff"))
                .claim("email", email.toUpperCase())
                .claim("email_verified", true)
                .jws()
                .keyId("1")
                .sign("privateKey.jwk");
        Api.as(byEmail).get("/api/v1/me").then().statusCode(200).body("hrId", equalTo(ownAdult));
        String unverified = io.smallrye.jwt.build.Jwt.claims()
                .issuer(Tokens.ISSUER)
                .audience(Tokens.AUDIENCE)
                .subject("someone")
                .groups(Set.of("staff"))
                .claim("email", email)
                .jws()
                .keyId("1")
                .sign("privateKey.jwk");
        Api.as(unverified).get("/api/v1/me").then().statusCode(404);
        Api.as(Tokens.withRoles("nobody", Set.of("staff")))
                .get("/api/v1/me")
                .then()
                .statusCode(404);
        Api.as(Tokens.staff("NO-SUCH-ADULT", ownSchool))
                .get("/api/v1/me")
                .then()
                .statusCode(404);
    }

    @Test
    void headWithSeveralSchoolsSeesAll() {
        putAsHr(TestData.anAdult(headHrId).headAt(ownSchool).headAt(otherSchool).build());
        String head = Tokens.headToken(headHrId, ownSchool, otherSchool);
        Api.as(head).get("/api/v1/staff/{id}", otherAdult).then().statusCode(200);
        Api.as(head)
                .get("/api/v1/staff?school={urn}", otherSchool)
                .then()
                .body("items.hrId", hasItem(otherAdult))
                .body(
                        "items.findAll { it.hrId != '" + headHrId + "' }.assignments.flatten().schoolUrn",
                        everyItem(equalTo(otherSchool)));
    }

    private static void putAsHr(java.util.Map<String, Object> body) {
        Api.as(Tokens.hrSync())
                .body(body)
                .put("/api/v1/staff/{id}", body.get("hrId"))
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
    }

    @Test
    void headAuthorityNeedsTheRegisterNotOnlyTheClaim() {
        String head = Tokens.headToken(headHrId, ownSchool, otherSchool);
        // the claim names both schools, but the register has the Head at ownSchool only: teacher elsewhere is not Head
        Api.as(head).get("/api/v1/staff/{id}", ownAdult).then().statusCode(200);
        Api.as(head).get("/api/v1/staff/{id}", otherAdult).then().statusCode(404);

        // HR deactivates the Head: the token alone no longer makes them Head anywhere
        putAsHr(TestData.anAdult(headHrId)
                .headAt(ownSchool)
                .with("active", false)
                .build());
        Api.as(head).get("/api/v1/staff/{id}", ownAdult).then().statusCode(404);

        // active again, but the assignment has ended
        putAsHr(TestData.anAdult(headHrId)
                .with(
                        "assignments",
                        List.of(java.util.Map.of(
                                "schoolUrn",
                                ownSchool,
                                "startDate",
                                "2020-09-01",
                                "endDate",
                                "2021-08-31",
                                "responsibilities",
                                List.of("HEAD_OF_SCHOOL"))))
                .build());
        Api.as(head).get("/api/v1/staff/{id}", ownAdult).then().statusCode(404);
    }

    @Test
    void aHeadWhoseAssignmentEndsLosesAuthorityTheNextDay() {
        putAsHr(TestData.anAdult(headHrId)
                .with(
                        "assignments",
                        List.of(java.util.Map.of(
                                "schoolUrn",
                                ownSchool,
                                "startDate",
                                "2020-09-01",
                                "endDate",
                                java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                                        .toString(),
                                "responsibilities",
                                List.of("HEAD_OF_SCHOOL"))))
                .build());
        String head = Tokens.headToken(headHrId, ownSchool);
        Api.as(head).get("/api/v1/staff/{id}", ownAdult).then().statusCode(200);
        TestClock clock = TestClock.get();
        try {
            clock.advance(java.time.Duration.ofDays(1));
            Api.as(head).get("/api/v1/staff/{id}", ownAdult).then().statusCode(404);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aHeadWhoAlsoTeachesElsewhereCannotListThatSchoolNorSeeDeactivatedLeavers() {
        // the claim names both schools; the register has the Head at ownSchool only
        putAsHr(TestData.anAdult(headHrId).headAt(ownSchool).build());
        String head = Tokens.headToken(headHrId, ownSchool);
        String headAndTeacher = Tokens.user(
                "head-" + headHrId, headHrId, java.util.Set.of("staff", "head-of-school"), ownSchool, otherSchool);
        Api.as(headAndTeacher)
                .get("/api/v1/staff?school={urn}", otherSchool)
                .then()
                .statusCode(404);
        // deactivated by HR without an end date: no longer current staff for the Head
        String deactivated = TestData.newHrId("D");
        putAsHr(TestData.anAdult(deactivated)
                .at(ownSchool)
                .with("active", false)
                .build());
        Api.as(head).get("/api/v1/staff/{id}", deactivated).then().statusCode(404);
    }

    @Test
    void anEmailSharedByTwoAdultsNamesNeither() {
        String shared = "office." + TestData.newHrId("m").toLowerCase() + "@school.example";
        String first = TestData.newHrId("M1");
        String second = TestData.newHrId("M2");
        putAsHr(TestData.anAdult(first).at(ownSchool).with("workEmail", shared).build());
        putAsHr(TestData.anAdult(second).at(ownSchool).with("workEmail", shared).build());
        String byEmail = Tokens.staffByEmail(shared, ownSchool);
        Api.as(byEmail).get("/api/v1/staff/{id}", first).then().statusCode(404);
        Api.as(byEmail).get("/api/v1/staff/{id}", second).then().statusCode(404);
        Api.as(byEmail).get("/api/v1/me").then().statusCode(404);
        String alone = "alone." + TestData.newHrId("a").toLowerCase() + "@school.example";
        String only = TestData.newHrId("M3");
        putAsHr(TestData.anAdult(only).at(ownSchool).with("workEmail", alone).build());
        Api.as(Tokens.staffByEmail(alone, ownSchool))
                .get("/api/v1/staff/{id}", only)
                .then()
                .statusCode(200);
    }

    @Test
    void aHeadTokenThatNamesNoAdultIsRefusedHeadActions() {
        String anonymousHead = Tokens.withRoles("head-without-staff-id", java.util.Set.of("head-of-school"));
        Api.as(anonymousHead)
                .get("/api/v1/staff/{id}", ownAdult)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        Api.as(anonymousHead).get("/api/v1/staff").then().statusCode(403);
    }

    @Test
    void aLeaverOfTheHeadsSchoolIsNoLongerVisibleToTheHead() {
        String leaver = TestData.newHrId("L");
        putAsHr(TestData.anAdult(leaver)
                .with(
                        "assignments",
                        List.of(java.util.Map.of(
                                "schoolUrn", ownSchool, "startDate", "2019-09-01", "endDate", "2021-07-31")))
                .build());
        String head = Tokens.headToken(headHrId, ownSchool);
        Api.as(head).get("/api/v1/staff/{id}", leaver).then().statusCode(404);
        Api.as(head)
                .get("/api/v1/staff?updatedSince=2000-01-01T00:00:00Z&limit=1000")
                .then()
                .statusCode(200)
                .body("items.hrId", not(hasItem(leaver)))
                .body("items.hrId", hasItem(ownAdult));
        Api.as(Tokens.trustAdmin()).get("/api/v1/staff/{id}", leaver).then().statusCode(200);
    }

    @Test
    void aHeadSeesOnlyTheAssignmentsAtTheirOwnSchools() {
        String shared = TestData.newHrId("S");
        java.util.Map<String, Object> body =
                TestData.anAdult(shared).at(ownSchool).at(otherSchool).build();
        putAsHr(body);
        String head = Tokens.headToken(headHrId, ownSchool);
        Api.as(head)
                .get("/api/v1/staff/{id}", shared)
                .then()
                .statusCode(200)
                .body("assignments.schoolUrn", equalTo(List.of(ownSchool)));
        Api.as(head)
                .get("/api/v1/staff?school={urn}", ownSchool)
                .then()
                .statusCode(200)
                .body("items.find { it.hrId == '" + shared + "' }.assignments.schoolUrn", equalTo(List.of(ownSchool)));
        Api.as(Tokens.staff(shared, ownSchool)).get("/api/v1/me").then().body("assignments.size()", equalTo(2));
    }
}
