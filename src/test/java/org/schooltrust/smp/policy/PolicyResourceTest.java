package org.schooltrust.smp.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.Policies;
import org.schooltrust.smp.support.Tokens;

@ApiTest
class PolicyResourceTest {

    @Test
    void seedPolicyIsLoadedAsPublishedMaterialVersionOneWithAddressableClauses() {
        String staff = Tokens.staff("S1", "100001");
        Api.as(staff)
                .get("/api/v1/policies/social-media")
                .then()
                .statusCode(200)
                .body("currentVersion", equalTo("1.0"));
        Api.as(staff)
                .get("/api/v1/policies/social-media/versions/1.0")
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("material", equalTo(true))
                .body("allSchools", equalTo(true))
                .body("clauses", hasSize(59))
                .body(
                        "statements.code",
                        equalTo(List.of("READ_AND_UNDERSTOOD", "MONITORING_CONSENT", "PRIVACY_SETTINGS_REVIEWED")))
                .body("bodySha256", equalTo(PolicyVersion.sha256(SeedPolicy.text())));
        Api.as(staff)
                .get("/api/v1/policies/social-media/versions/1.0/clauses/6.7")
                .then()
                .statusCode(200)
                .body("number", equalTo("6.7"))
                .body("text", startsWith("Adults must never “follow”"));
        Api.as(staff)
                .get("/api/v1/policies/social-media/versions/1.0/clauses/6.99")
                .then()
                .statusCode(404);
    }

    @Test
    void onlyStaffHeadsAndTrustAdminRead() {
        for (String token : List.of(Tokens.hrSync(), Tokens.mis("100001"), Tokens.registerReader())) {
            Api.as(token).get("/api/v1/policies").then().statusCode(403);
            Api.as(token)
                    .get("/api/v1/policies/social-media/versions/1.0")
                    .then()
                    .statusCode(403);
        }
        Api.anonymous().get("/api/v1/policies").then().statusCode(401);
        for (String token : List.of(Tokens.staff("S", "100001"), Tokens.head("H", "100001"), Tokens.trustAdmin())) {
            Api.as(token).get("/api/v1/policies").then().statusCode(200).body("items.slug", hasItem("social-media"));
        }
    }

    @Test
    void onlyTrustAdminWritesAndDraftsAreHiddenFromOthers() {
        String slug = Policies.newPolicy();
        Map<String, Object> draft = Policies.version("1.0", "1. Scope\n1.1 Be kind.\n", true);
        for (String token : List.of(Tokens.staff("S", "100001"), Tokens.head("H", "100001"), Tokens.hrSync())) {
            Api.as(token)
                    .body(Map.of("slug", "x-" + slug, "title", "t"))
                    .post("/api/v1/policies")
                    .then()
                    .statusCode(403);
            Api.as(token)
                    .body(draft)
                    .post("/api/v1/policies/{slug}/versions", slug)
                    .then()
                    .statusCode(403);
        }
        Api.as(Tokens.trustAdmin())
                .body(draft)
                .post("/api/v1/policies/{slug}/versions", slug)
                .then()
                .statusCode(201);
        Api.as(Tokens.staff("S", "100001"))
                .get("/api/v1/policies/{slug}/versions/1.0", slug)
                .then()
                .statusCode(404);
        Api.as(Tokens.staff("S", "100001"))
                .get("/api/v1/policies/{slug}/versions", slug)
                .then()
                .body("items", hasSize(0));
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/policies/{slug}/versions/1.0", slug)
                .then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("clauses[0].number", equalTo("1.1"));
        Api.as(Tokens.head("H", "100001"))
                .post("/api/v1/policies/{slug}/versions/1.0/publish", slug)
                .then()
                .statusCode(403);
    }

    @Test
    void editAndPublishNeedIfMatchAndPublishedVersionsAreFrozen() {
        String slug = Policies.newPolicy();
        String admin = Tokens.trustAdmin();
        String etag = Api.as(admin)
                .body(Policies.version("1.0", "v1", true))
                .post("/api/v1/policies/{slug}/versions", slug)
                .header("ETag");
        Map<String, Object> edited = Policies.version("1.0", "v1 edited", true);
        Api.as(admin)
                .body(edited)
                .put("/api/v1/policies/{slug}/versions/1.0", slug)
                .then()
                .statusCode(428);
        Api.as(admin)
                .header("If-Match", "\"99\"")
                .body(edited)
                .put("/api/v1/policies/{slug}/versions/1.0", slug)
                .then()
                .statusCode(412);
        String edit = Api.as(admin)
                .header("If-Match", etag)
                .body(edited)
                .put("/api/v1/policies/{slug}/versions/1.0", slug)
                .then()
                .statusCode(200)
                .body("bodySha256", equalTo(PolicyVersion.sha256("v1 edited")))
                .extract()
                .header("ETag");
        Api.as(admin)
                .post("/api/v1/policies/{slug}/versions/1.0/publish", slug)
                .then()
                .statusCode(428);
        Api.as(admin)
                .header("If-Match", etag)
                .post("/api/v1/policies/{slug}/versions/1.0/publish", slug)
                .then()
                .statusCode(412);
        String published = Api.as(admin)
                .header("If-Match", edit)
                .post("/api/v1/policies/{slug}/versions/1.0/publish", slug)
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .extract()
                .header("ETag");
        Api.as(admin)
                .header("If-Match", published)
                .body(Policies.version("1.0", "sneaky change", true))
                .put("/api/v1/policies/{slug}/versions/1.0", slug)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        Api.as(admin)
                .header("If-Match", published)
                .post("/api/v1/policies/{slug}/versions/1.0/publish", slug)
                .then()
                .statusCode(409);

        Policies.publish(slug, Policies.version("2.0", "v2", true));
        Api.as(admin)
                .get("/api/v1/policies/{slug}/versions", slug)
                .then()
                .body("items.status", equalTo(List.of("SUPERSEDED", "PUBLISHED")));
        String current =
                Api.as(admin).get("/api/v1/policies/{slug}/versions/2.0", slug).header("ETag");
        Api.as(admin)
                .header("If-Match", current)
                .post("/api/v1/policies/{slug}/versions/2.0/retire", slug)
                .then()
                .statusCode(200)
                .body("status", equalTo("RETIRED"));
        Api.as(admin).get("/api/v1/policies/{slug}", slug).then().body("currentVersion", equalTo(null));
        assertThat(Db.count(
                        "SELECT count(*) FROM audit_events WHERE target_id LIKE ? AND action LIKE 'policy.version.%'",
                        slug + "@%"))
                .isGreaterThanOrEqualTo(6);
    }

    @Test
    void diffShowsWhatChanged() {
        String slug = Policies.newPolicy();
        Policies.publish(slug, Policies.version("1.0", "1. A\n1.1 Keep.\n1.2 Old text.\n1.3 Gone.\n", true));
        Policies.publish(
                slug, Policies.version("2.0", "1. A\n1.1 Keep.\n1.2 New text.\n1.3 Gone.\n1.4 Added.\n", true));
        Api.as(Tokens.staff("S", "100001"))
                .get("/api/v1/policies/{slug}/versions/2.0/diff?from=1.0", slug)
                .then()
                .statusCode(200)
                .body("added.number", equalTo(List.of("1.4")))
                .body("removed", hasSize(0))
                .body("changed.number", equalTo(List.of("1.2")))
                .body("changed[0].after.text", equalTo("New text."));
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        String slug = Policies.newPolicy();
        long before = Db.count("SELECT count(*) FROM policy_versions");
        Map<String, Object> bad = new java.util.HashMap<>(Policies.version("1.0", "", true));
        bad.put("audience", List.of("WIZARD"));
        bad.put("dueDays", -1);
        bad.put("statements", List.of());
        Api.as(Tokens.trustAdmin())
                .body(bad)
                .post("/api/v1/policies/{slug}/versions", slug)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("body"))
                .body("errors.field", hasItem("audience[0]"))
                .body("errors.field", hasItem("dueDays"))
                .body("errors.field", hasItem("statements"));
        Map<String, Object> unknownSchool = Policies.version("1.0", "x", true, "999999");
        Api.as(Tokens.trustAdmin())
                .body(unknownSchool)
                .post("/api/v1/policies/{slug}/versions", slug)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("schoolUrns[0]"));
        Api.as(Tokens.trustAdmin())
                .body("{\"label\": 5,")
                .post("/api/v1/policies/{slug}/versions", slug)
                .then()
                .statusCode(400);
        Api.as(Tokens.trustAdmin())
                .body(Map.of("slug", "Bad Slug", "title", ""))
                .post("/api/v1/policies")
                .then()
                .statusCode(422);
        Api.as(Tokens.trustAdmin())
                .body(Map.of("slug", slug, "title", "dup"))
                .post("/api/v1/policies")
                .then()
                .statusCode(409);
        Api.as(Tokens.trustAdmin())
                .body(Policies.version("1.0", "x", true))
                .post("/api/v1/policies/{slug}/versions", "no-such-policy")
                .then()
                .statusCode(404);
        assertThat(Db.count("SELECT count(*) FROM policy_versions")).isEqualTo(before);
        Api.as(Tokens.staff("S", "1"))
                .get("/api/v1/policies/{slug}/versions/1.0/diff", slug)
                .then()
                .statusCode(422);
        Api.as(Tokens.staff("S", "1"))
                .get("/api/v1/policies/social-media/versions/1.0/diff?from=9.9")
                .then()
                .statusCode(404);
        Api.as(Tokens.staff("S", "1"))
                .get("/api/v1/policies/social-media/versions/1.0")
                .then()
                .body("status", not(equalTo("DRAFT")));
    }
}
