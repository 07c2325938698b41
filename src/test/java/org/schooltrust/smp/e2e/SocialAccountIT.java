package org.schooltrust.smp.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.schooltrust.smp.e2e.TrustSeed.ALICE;
import static org.schooltrust.smp.e2e.TrustSeed.HUGO;
import static org.schooltrust.smp.e2e.TrustSeed.SCHOOL_1;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alice proposes a school account, Hugo approves it, it goes live, and an external app finds it in the register. */
@EndToEnd
class SocialAccountIT {

    private final TrustApi api;

    SocialAccountIT(TrustApi api) {
        this.api = api;
    }

    @Test
    void proposeApproveConfirmThenTheRegisterVerifiesIt() {
        String handle = "stj" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String alice = api.userToken("alice");
        Response proposed = api.as(alice)
                .body(Map.of(
                        "schoolUrn",
                        SCHOOL_1,
                        "platform",
                        "X",
                        "handle",
                        handle,
                        "purpose",
                        "PEDAGOGICAL",
                        "reason",
                        "Weekly class news, trip updates and celebration of pupils' work for parents.",
                        "administrators",
                        List.of(ALICE, HUGO)))
                .post("/api/v1/social-accounts");
        proposed.then().statusCode(201).body("status", equalTo("PROPOSED"));
        String id = proposed.path("id");

        String hugo = api.userToken("hugo");
        api.as(hugo)
                .header("If-Match", proposed.header("ETag"))
                .body(Map.of())
                .post("/api/v1/social-accounts/{id}/approve", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
        api.as(api.userToken("helen"))
                .get("/api/v1/social-accounts/{id}", id)
                .then()
                .statusCode(404);

        String etag = api.as(alice).get("/api/v1/social-accounts/{id}", id).header("ETag");
        api.as(alice)
                .header("If-Match", etag)
                .body(Map.of("url", "https://mobile.twitter.com/" + handle.toUpperCase() + "?lang=en"))
                .post("/api/v1/social-accounts/{id}/confirm-live", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));

        String reader = api.clientToken("register-reader");
        api.as(reader)
                .get("/api/v1/register/social-accounts")
                .then()
                .statusCode(200)
                .body("items.handle", hasItem(handle));
        api.as(reader)
                .queryParam("url", "https://www.twitter.com/" + handle + "/")
                .get("/api/v1/register/social-accounts/verify")
                .then()
                .statusCode(200)
                .body("official", equalTo(true))
                .body("school.urn", equalTo(SCHOOL_1));
        api.as(reader)
                .queryParam("platform", "X")
                .queryParam("handle", "@" + handle.toUpperCase())
                .get("/api/v1/register/social-accounts/verify")
                .then()
                .statusCode(200)
                .body("official", equalTo(true));
        api.as(reader)
                .queryParam("url", "https://x.com.evil.example/" + handle)
                .get("/api/v1/register/social-accounts/verify")
                .then()
                .statusCode(200)
                .body("official", equalTo(false));
    }
}
