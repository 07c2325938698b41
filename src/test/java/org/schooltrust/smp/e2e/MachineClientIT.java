package org.schooltrust.smp.e2e;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.schooltrust.smp.e2e.TrustSeed.ALICE;
import static org.schooltrust.smp.e2e.TrustSeed.SCHOOL_1;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A school MIS authenticates with client credentials, but never reaches what belongs to Trust HR. */
@EndToEnd
class MachineClientIT {

    private final TrustApi api;

    MachineClientIT(TrustApi api) {
        this.api = api;
    }

    @ParameterizedTest
    @ValueSource(strings = {"mis-100001", "mis-100002"})
    void misTokensNeverReachHrEndpoints(String clientId) {
        String mis = api.clientToken(clientId);
        // a valid token: what any authenticated caller may read works ...
        api.as(mis).get("/api/v1/schools").then().statusCode(200);
        // ... but every HR endpoint refuses it, and nothing is written
        Map<String, Object> hijack = TrustSeed.adult(ALICE, "Mallory", "Mis", "TEACHER", SCHOOL_1, "Class teacher");
        List<Supplier<Response>> hrCalls = List.of(
                () -> api.as(mis).body(Map.of("records", List.of(hijack))).post("/api/v1/staff/sync?mode=partial"),
                () -> api.as(mis).body(TrustSeed.staffBatch()).post("/api/v1/staff/sync?mode=full"),
                () -> api.as(mis).body(hijack).put("/api/v1/staff/{id}", ALICE),
                () -> api.as(mis).get("/api/v1/staff"),
                () -> api.as(mis).get("/api/v1/staff/{id}", ALICE),
                () -> api.as(mis)
                        .body(Map.of("name", "Hijacked", "status", "OPEN"))
                        .put("/api/v1/schools/{urn}", SCHOOL_1));
        for (Supplier<Response> call : hrCalls) {
            call.get().then().statusCode(403).body("type", endsWith("/forbidden"));
        }
        String hr = api.hrSync();
        api.as(hr).get("/api/v1/staff/{id}", ALICE).then().statusCode(200).body("firstName", equalTo("Alice"));
        api.as(hr)
                .get("/api/v1/schools/{urn}", SCHOOL_1)
                .then()
                .statusCode(200)
                .body("name", equalTo("St James Primary Academy"));
    }
}
