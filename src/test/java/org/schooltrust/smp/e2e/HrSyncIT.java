package org.schooltrust.smp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.schooltrust.smp.e2e.TrustSeed.ALICE;
import static org.schooltrust.smp.e2e.TrustSeed.EVERYONE;
import static org.schooltrust.smp.e2e.TrustSeed.SCHOOL_1;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Trust HR, with a real client-credentials token, keeps schools and the staff register current. */
@EndToEnd
class HrSyncIT {

    private final TrustApi api;

    HrSyncIT(TrustApi api) {
        this.api = api;
    }

    @Test
    void hrSyncCreatedTheSchoolsAndAdults() {
        // the environment seeded this app with one full sync as hr-sync
        assertThat(api.seedSync())
                .containsEntry("mode", "full")
                .containsEntry("received", 5)
                .containsEntry("created", 5)
                .containsEntry("deactivated", 0);
        String hr = api.hrSync();
        api.as(hr)
                .get("/api/v1/schools/{urn}", SCHOOL_1)
                .then()
                .statusCode(200)
                .body("name", equalTo("St James Primary Academy"));
        api.as(hr)
                .get("/api/v1/staff")
                .then()
                .statusCode(200)
                .body("items.hrId", hasItems(EVERYONE.toArray(String[]::new)));
    }

    @Test
    void resendingTheBatchChangesNothing() {
        api.as(api.hrSync())
                .body(TrustSeed.staffBatch())
                .post("/api/v1/staff/sync?mode=partial")
                .then()
                .statusCode(200)
                .body("received", equalTo(5))
                .body("created", equalTo(0))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(5));
    }

    @Test
    void addsASchoolAndAnAdult() {
        String hr = api.hrSync();
        api.as(hr)
                .body(Map.of("name", "Hillside Infant Academy", "status", "OPEN"))
                .put("/api/v1/schools/{urn}", "100003")
                .then()
                .statusCode(201);
        Map<String, Object> newcomer = TrustSeed.adult("E3001", "Nina", "New", "TEACHER", "100003", "Class teacher");
        api.as(hr)
                .body(Map.of("records", List.of(newcomer)))
                .post("/api/v1/staff/sync?mode=partial")
                .then()
                .statusCode(200)
                .body("created", equalTo(1));
        api.as(hr)
                .get("/api/v1/staff/{hrId}", "E3001")
                .then()
                .statusCode(200)
                .body("source", equalTo("HR"))
                .body("assignments.schoolUrn", hasItem("100003"));
    }

    @Test
    void theAuditTrailNamesTheRealSubjectClientAndRole() {
        // service-account tokens carry no client_id: the client is azp; the role comes from the configured claim;
        // the actor is the opaque "sub", not the preferred_username Quarkus uses as principal name
        String hrSubject = Jwts.claims(api.hrSync()).path("sub").asText();
        api.as(api.userToken("tina"))
                .get("/api/v1/audit-events?targetType=adult&targetId={id}", ALICE)
                .then()
                .statusCode(200)
                .body("items[0].action", equalTo("staff.created"))
                .body("items[0].actorSubject", equalTo(hrSubject))
                .body("items[0].clientId", equalTo("hr-sync"))
                .body("items[0].actorRoles", equalTo(List.of("hr-sync")));
    }
}
