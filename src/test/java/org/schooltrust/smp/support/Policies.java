package org.schooltrust.smp.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fresh policies for one test's school, created and published through the API as trust-admin. */
public final class Policies {

    public static final List<String> STATEMENTS = List.of("READ_AND_UNDERSTOOD", "MONITORING_CONSENT");

    private Policies() {}

    public static Map<String, Object> version(String label, String body, boolean material, String... schools) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("label", label);
        v.put("body", body);
        v.put(
                "statements",
                List.of(
                        Map.of("code", "READ_AND_UNDERSTOOD", "text", "I have read it."),
                        Map.of("code", "MONITORING_CONSENT", "text", "I consent to monitoring (3.3).")));
        v.put("material", material);
        v.put("allSchools", schools.length == 0);
        v.put("schoolUrns", List.of(schools));
        v.put("audience", List.of("TEACHER", "TEACHING_ASSISTANT", "SUPPORT_STAFF"));
        v.put("dueDays", 28);
        v.put("joinerDueDays", 14);
        return v;
    }

    public static String newPolicy() {
        String slug = "p-" + TestData.newHrId("x").toLowerCase().replace('_', '-');
        Api.as(Tokens.trustAdmin())
                .body(Map.of("slug", slug, "title", "Test policy " + slug))
                .post("/api/v1/policies")
                .then()
                .statusCode(201);
        return slug;
    }

    /** Drafts and publishes a version; returns its body hash. */
    public static String publish(String slug, Map<String, Object> version) {
        String etag = Api.as(Tokens.trustAdmin())
                .body(version)
                .post("/api/v1/policies/{slug}/versions", slug)
                .then()
                .statusCode(201)
                .extract()
                .header("ETag");
        return Api.as(Tokens.trustAdmin())
                .header("If-Match", etag)
                .post("/api/v1/policies/{slug}/versions/{label}/publish", slug, version.get("label"))
                .then()
                .statusCode(200)
                .extract()
                .path("bodySha256");
    }

    public static Map<String, Object> ack(String slug, String label, String school, String sha) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("policy", slug);
        body.put("version", label);
        body.put("schoolUrn", school);
        body.put("bodySha256", sha);
        body.put("statements", STATEMENTS);
        return body;
    }
}
