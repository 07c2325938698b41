package org.schooltrust.smp.e2e;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.schooltrust.smp.e2e.TrustSeed.ALICE;
import static org.schooltrust.smp.e2e.TrustSeed.BOB;
import static org.schooltrust.smp.e2e.TrustSeed.EVERYONE;
import static org.schooltrust.smp.e2e.TrustSeed.HELEN;
import static org.schooltrust.smp.e2e.TrustSeed.HUGO;
import static org.schooltrust.smp.e2e.TrustSeed.SCHOOL_1;
import static org.schooltrust.smp.e2e.TrustSeed.SCHOOL_2;
import static org.schooltrust.smp.e2e.TrustSeed.TINA;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Who sees which adults, with password-grant tokens of the realm's people. */
@EndToEnd
class StaffVisibilityIT {

    private final TrustApi api;

    StaffVisibilityIT(TrustApi api) {
        this.api = api;
    }

    @Test
    void aliceReadsHerOwnRecordAndNobodyElses() {
        String alice = api.userToken("alice");
        api.as(alice)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("hrId", equalTo(ALICE))
                .body("firstName", equalTo("Alice"));
        api.as(alice).get("/api/v1/staff").then().statusCode(200).body("items.hrId", equalTo(List.of(ALICE)));
        api.as(alice).get("/api/v1/staff/{id}", HUGO).then().statusCode(404);
    }

    @Test
    void hugoSeesTheAdultsOfHisSchoolOnly() {
        String hugo = api.userToken("hugo");
        api.as(hugo).get("/api/v1/me").then().statusCode(200).body("hrId", equalTo(HUGO));
        api.as(hugo)
                .get("/api/v1/staff?school={urn}", SCHOOL_1)
                .then()
                .statusCode(200)
                .body("items.hrId", equalTo(List.of(ALICE, HUGO)));
        api.as(hugo).get("/api/v1/staff").then().statusCode(200).body("items.hrId", equalTo(List.of(ALICE, HUGO)));
        api.as(hugo).get("/api/v1/staff/{id}", ALICE).then().statusCode(200);
        api.as(hugo).get("/api/v1/staff/{id}", BOB).then().statusCode(404).body("type", endsWith("/not-found"));
        api.as(hugo)
                .get("/api/v1/staff?school={urn}", SCHOOL_2)
                .then()
                .statusCode(404)
                .body("type", endsWith("/not-found"));
    }

    @Test
    void helenSeesTheAdultsOfHerSchoolOnly() {
        String helen = api.userToken("helen");
        api.as(helen).get("/api/v1/staff").then().statusCode(200).body("items.hrId", equalTo(List.of(BOB, HELEN)));
        api.as(helen).get("/api/v1/staff/{id}", ALICE).then().statusCode(404);
    }

    @Test
    void tinaSeesEveryone() {
        String tina = api.userToken("tina");
        api.as(tina).get("/api/v1/me").then().statusCode(200).body("hrId", equalTo(TINA));
        api.as(tina)
                .get("/api/v1/staff")
                .then()
                .statusCode(200)
                .body("items.hrId", hasItems(EVERYONE.toArray(String[]::new)));
        api.as(tina).get("/api/v1/staff/{id}", BOB).then().statusCode(200);
        api.as(tina).get("/api/v1/audit-events").then().statusCode(200);
    }
}
