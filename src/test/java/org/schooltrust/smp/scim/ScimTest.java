package org.schooltrust.smp.scim;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.Policies;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/** SCIM 2.0 provisioning (issue 29): what Entra ID and Okta send, accepted unmodified, through the one staff write path. */
@ApiTest
class ScimTest {

    static final String SCIM = ScimConformance.SCIM;

    @Inject
    ScimTraffic traffic;

    String school;

    @BeforeEach
    void aSchool() {
        school = TestData.newSchool();
    }

    private static RequestSpecification scim() {
        return given().auth().oauth2(Tokens.scim()).contentType(SCIM).accept(SCIM);
    }

    private static String newUser(String urn) {
        String hrId = TestData.newHrId("S");
        String id = scim().body(Map.of(
                        "schemas",
                        List.of(ScimAttributes.CORE_USER, ScimAttributes.ENTERPRISE),
                        "userName",
                        hrId.toLowerCase() + "@idp.example",
                        "name",
                        Map.of("givenName", "Sky", "familyName", "Provisioned"),
                        "emails",
                        List.of(Map.of("value", hrId.toLowerCase() + "@school.example", "type", "work")),
                        "active",
                        true,
                        "userType",
                        "Teaching Assistant",
                        ScimAttributes.ENTERPRISE,
                        Map.of("employeeNumber", hrId)))
                .post("/scim/v2/Users")
                .then()
                .statusCode(201)
                .body("id", org.hamcrest.Matchers.notNullValue())
                .extract()
                .path("id");
        if (urn != null) {
            joinGroup(urn, id);
        }
        return id;
    }

    private static void joinGroup(String urn, String id) {
        scim().body(Map.of(
                        "schemas", List.of(ScimConformance.PATCH_OP),
                        "Operations",
                                List.of(Map.of("op", "Add", "path", "members", "value", List.of(Map.of("value", id))))))
                .patch("/scim/v2/Groups/{id}", urn)
                .then()
                .statusCode(204);
    }

    private static String hrIdOf(String id) {
        return Db.first("SELECT hr_id FROM adults WHERE id = ?::uuid", id);
    }

    @Test
    void microsoftsDocumentedSequence() {
        String id =
                new ScimConformance(() -> given().auth().oauth2(Tokens.scim())).microsoft(school, "School " + school);
        // the register holds it: HR-kept, deactivated, never deleted, written with audit events
        assertThat(Db.first("SELECT source || '/' || active FROM adults WHERE id = ?::uuid", id))
                .isEqualTo("HR/false");
        assertThat(Db.count(
                        "SELECT count(*) FROM audit_events WHERE target_type = 'adult' AND target_id = ?", hrIdOf(id)))
                .isGreaterThanOrEqualTo(8);
    }

    @Test
    void oktasDocumentedSequence() {
        String id = new ScimConformance(() -> given().auth().oauth2(Tokens.scim())).okta(school, "School " + school);
        assertThat(Db.first("SELECT active::text FROM adults WHERE id = ?::uuid", id))
                .isEqualTo("true");
    }

    @Test
    void aUserDisabledBySCIMLeavesTheHeadsListsAsAJsonSyncLeaverDoes() {
        String head = TestData.hrAdultAt(school);
        String slug = Policies.newPolicy();
        Policies.publish(slug, Policies.version("1.0", "1. Rules\n1.1 Rule.\n", true, school));
        String id = newUser(school);
        String hrId = hrIdOf(id);
        String headToken = Tokens.head(head, school);
        Api.as(headToken)
                .get("/api/v1/staff?school={urn}&limit=200", school)
                .then()
                .statusCode(200)
                .body("items.hrId", hasItem(hrId));
        Api.as(headToken)
                .get("/api/v1/schools/{urn}/compliance?policy={slug}&limit=200", school, slug)
                .then()
                .statusCode(200)
                .body("items.hrId", hasItem(hrId));

        scim().body("""
                        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations": [{"op": "Replace", "path": "active", "value": "False"}]}
                        """).patch("/scim/v2/Users/{id}", id).then().statusCode(200).body("active", equalTo(false));

        Api.as(headToken)
                .get("/api/v1/staff?school={urn}&limit=200", school)
                .then()
                .statusCode(200)
                .body("items.hrId", not(hasItem(hrId)));
        Api.as(headToken)
                .get("/api/v1/schools/{urn}/compliance?policy={slug}&limit=200", school, slug)
                .then()
                .statusCode(200)
                .body("items.hrId", not(hasItem(hrId)));
        // the same departure as a JSON-sync leaver: a staff.deactivated-style update filed under the school
        assertThat(Db.count(
                        "SELECT count(*) FROM audit_events WHERE target_id = ? AND action = 'staff.updated'"
                                + " AND 'active' = ANY(changed_fields) AND school_urn = ?",
                        hrId,
                        school))
                .isEqualTo(1);
    }

    @Test
    void aUserDisabledBySCIMGetsNoMoreRemindersAsAJsonSyncLeaverGetsNone() {
        Tokens.head(TestData.newHrId("H"), school); // the school has a Head for its escalations
        String slug = Policies.newPolicy();
        Map<String, Object> version = Policies.version("1.0", "1. Rules\n1.1 Rule.\n", true, school);
        version.put("dueDays", 10);
        Policies.publish(slug, version);
        String stays = hrIdOf(newUser(school));
        String leaves = newUser(school);
        String leaver = hrIdOf(leaves);
        scim().body(Map.of(
                        "schemas",
                        List.of(ScimConformance.PATCH_OP),
                        "Operations",
                        List.of(Map.of("op", "replace", "value", Map.of("active", false)))))
                .patch("/scim/v2/Users/{id}", leaves)
                .then()
                .statusCode(200);
        try {
            TestClock.get().advance(java.time.Duration.ofDays(3)); // the BEFORE_7 stage
            Api.as(Tokens.trustAdmin())
                    .queryParam("school", school)
                    .post("/api/v1/reminders/run")
                    .then()
                    .statusCode(200);
        } finally {
            TestClock.get().reset();
        }
        String reminders =
                "SELECT count(*) FROM reminders r JOIN adults a ON a.id = r.recipient_adult_id" + " WHERE a.hr_id = ?";
        assertThat(Db.count(reminders, stays))
                .as("an active SCIM user is reminded")
                .isPositive();
        assertThat(Db.count(reminders, leaver))
                .as("a SCIM-disabled user is not")
                .isZero();
    }

    @Test
    void groupMembershipIsTheSchoolAssignmentAndCountsInCompliance() {
        String slug = Policies.newPolicy();
        Policies.publish(slug, Policies.version("1.0", "1. Rules\n1.1 Rule.\n", true, school));
        String id = newUser(null);
        String hrId = hrIdOf(id);
        long before = compliant(slug);
        joinGroup(school, id);
        Api.as(Tokens.hrSync())
                .get("/api/v1/staff/{hrId}", hrId)
                .then()
                .statusCode(200)
                .body("assignments.schoolUrn", hasItem(school))
                .body("category", equalTo("TEACHING_ASSISTANT"));
        assertThat(compliant(slug)).isEqualTo(before + 1);

        // responsibilities by the mapping: <URN>:<RESPONSIBILITY> on a current school only
        scim().body(Map.of(
                        "schemas", List.of(ScimConformance.PATCH_OP),
                        "Operations",
                                List.of(Map.of(
                                        "op",
                                        "add",
                                        "path",
                                        ScimAttributes.SMP + ":responsibilities",
                                        "value",
                                        List.of(school + ":DSL")))))
                .patch("/scim/v2/Users/{id}", id)
                .then()
                .statusCode(200)
                .body("'" + ScimAttributes.SMP + "'.responsibilities", hasItem(school + ":DSL"));
        Api.as(Tokens.hrSync())
                .get("/api/v1/staff/{hrId}", hrId)
                .then()
                .body("assignments[0].responsibilities", hasItem("DSL"));

        scim().body("""
                        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations": [{"op": "Remove", "path": "members[value eq \\"%s\\"]"}]}
                        """.formatted(id))
                .patch("/scim/v2/Groups/{id}", school)
                .then()
                .statusCode(204);
        assertThat(compliant(slug)).isEqualTo(before);
        // joined and left the same day: nothing is left of the assignment
        Api.as(Tokens.hrSync())
                .get("/api/v1/staff/{hrId}", hrId)
                .then()
                .body("assignments.schoolUrn", not(hasItem(school)));
    }

    private long compliant(String slug) {
        JsonPath page = Api.as(Tokens.trustAdmin())
                .get("/api/v1/schools/{urn}/compliance?policy={slug}&limit=200", school, slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return page.getList("items").size();
    }

    @Test
    void anAdultHrSyncedBeforeScimIsFoundByWorkEmailAndAdoptedByItsHrId() {
        String hrId = TestData.hrAdultAt(school);
        String email = hrId.toLowerCase() + "@school.example";
        String registerId = Db.first("SELECT id::text FROM adults WHERE hr_id = ?", hrId);
        scim().queryParam("filter", "userName eq \"" + email.toUpperCase() + "\"")
                .get("/scim/v2/Users")
                .then()
                .statusCode(200)
                .body("totalResults", equalTo(1))
                .body("Resources[0].id", equalTo(registerId));
        scim().queryParam(
                        "filter",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"" + hrId
                                + "\" and emails[type eq \"work\"].value eq \"" + email + "\"")
                .get("/scim/v2/Users")
                .then()
                .statusCode(200)
                .body("totalResults", equalTo(1));
        Map<String, Object> user = Map.of(
                "schemas",
                List.of(ScimAttributes.CORE_USER, ScimAttributes.ENTERPRISE),
                "userName",
                "upn-" + hrId + "@trust.example",
                "externalId",
                "oid-" + hrId,
                "name",
                Map.of("givenName", "Sam", "familyName", "Teacher"),
                "emails",
                List.of(Map.of("value", email, "type", "work", "primary", true)),
                ScimAttributes.ENTERPRISE,
                Map.of("employeeNumber", hrId));
        scim().body(user).post("/scim/v2/Users").then().statusCode(201).body("id", equalTo(registerId));
        // kept its school; now linked, so a second create is a uniqueness conflict and changes nothing
        Api.as(Tokens.hrSync()).get("/api/v1/staff/{hrId}", hrId).then().body("assignments.schoolUrn", hasItem(school));
        String snapshot = Db.staffSnapshot();
        scim().body(user)
                .post("/scim/v2/Users")
                .then()
                .statusCode(409)
                .contentType(SCIM)
                .body("schemas", hasItem("urn:ietf:params:scim:api:messages:2.0:Error"))
                .body("status", equalTo("409"))
                .body("scimType", equalTo("uniqueness"));
        assertThat(Db.staffSnapshot()).isEqualTo(snapshot);
        scim().queryParam("filter", "externalId eq \"oid-" + hrId + "\"")
                .get("/scim/v2/Users")
                .then()
                .body("totalResults", equalTo(1))
                .body("Resources[0].userName", equalTo("upn-" + hrId + "@trust.example"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a filter operator other than eq | GET  | /Users?filter=userName co "a"         |                                                                                 | invalidFilter
            a filter that does not parse   | GET  | /Users?filter=userName eq             |                                                                                 | invalidFilter
            or                             | GET  | /Users?filter=userName eq "a" or userName eq "b" |                                                                      | invalidFilter
            an attribute not filterable    | GET  | /Users?filter=title eq "a"            |                                                                                 | invalidFilter
            a group filter on members      | GET  | /Groups?filter=members eq "a"         |                                                                                 | invalidFilter
            count not a number             | GET  | /Users?count=ten                      |                                                                                 | invalidValue
            malformed JSON                 | POST | /Users                                | {"userName": "x"                                                                | invalidSyntax
            a repeated key                 | POST | /Users                                | {"userName": "a@x.example", "userName": "b@x.example"}                          | invalidSyntax
            an unknown attribute           | POST | /Users                                | {"userName": "u@x.example", "nmae": {"givenName": "A"}, "externalId": "E1"}     | invalidPath
            an unknown schema              | POST | /Users                                | {"userName": "u@x.example", "urn:example:foo:bar": "x", "externalId": "E1"}     | invalidPath
            userName a number              | POST | /Users                                | {"userName": 5, "externalId": "E1", "name": {"givenName": "A", "familyName": "B"}} | invalidValue
            active not a boolean           | POST | /Users                                | {"userName": "u@x.example", "externalId": "E1", "active": "maybe"}              | invalidValue
            a category not in the register | POST | /Users                                | {"userName": "u@x.example", "externalId": "E1", "userType": "Wizard"}           | invalidValue
            a responsibility badly formed  | POST | /Users                                | {"userName": "u@x.example", "externalId": "E1", "urn:ietf:params:scim:schemas:extension:smp:2.0:User": {"responsibilities": ["DSL"]}} | invalidValue
            no name to create              | POST | /Users                                | {"userName": "nameless@x.example", "externalId": "E-nameless"}                  | invalidValue
            an HR id of a bad shape        | POST | /Users                                | {"userName": "u@x.example", "externalId": "E 1/2", "name": {"givenName": "A", "familyName": "B"}} | invalidValue
            a body that is not an object   | POST | /Users                                | [1, 2]                                                                          | invalidSyntax
            a group created                | POST | /Groups                               | {"displayName": "New school"}                                                   | mutability
            """)
    void badRequestsAreScim400sWithTheirTypeAndChangeNothing(
            String name, String method, String path, String body, String scimType) {
        String snapshot = Db.staffSnapshot() + "/" + Db.count("SELECT count(*) FROM scim_links");
        RequestSpecification request = scim();
        if (body != null) {
            request = request.body(body);
        }
        String[] parts = path.split("\\?", 2);
        if (parts.length == 2) {
            for (String pair : parts[1].split("&")) {
                String[] kv = pair.split("=", 2);
                request = request.queryParam(kv[0], kv[1]);
            }
        }
        request.request(method, "/scim/v2" + parts[0])
                .then()
                .statusCode(400)
                .contentType(SCIM)
                .body("schemas", hasItem("urn:ietf:params:scim:api:messages:2.0:Error"))
                .body("status", equalTo("400"))
                .body("scimType", equalTo(scimType));
        assertThat(Db.staffSnapshot() + "/" + Db.count("SELECT count(*) FROM scim_links"))
                .isEqualTo(snapshot);
    }

    @Test
    void badPatchesAreRefusedWholeAndChangeNothing() {
        String id = newUser(school);
        String snapshot = Db.staffSnapshot();
        List<Map<String, Object>> bad = List.of(
                patch(Map.of("op", "Move", "path", "active", "value", false)),
                patch(Map.of("op", "Replace", "path", "nmae.givenName", "value", "X")),
                patch(Map.of("op", "Replace", "path", "active", "value", "maybe")),
                patch(Map.of("op", "Remove", "path", "name.familyName")),
                patch(
                        Map.of("op", "Replace", "path", "name.givenName", "value", "Kept?"),
                        Map.of("op", "Replace", "path", "active", "value", 3)),
                patch(Map.of(
                        "op", "Replace",
                        "path", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
                        "value", "OTHER-HR-ID")),
                Map.of("schemas", List.of("urn:ietf:params:scim:api:messages:2.0:Error"), "Operations", List.of()));
        for (Map<String, Object> body : bad) {
            scim().body(body)
                    .patch("/scim/v2/Users/{id}", id)
                    .then()
                    .statusCode(400)
                    .contentType(SCIM)
                    .body("status", equalTo("400"))
                    .body("scimType", org.hamcrest.Matchers.notNullValue());
        }
        scim().body(Map.of(
                        "schemas", List.of(ScimConformance.PATCH_OP),
                        "Operations",
                                List.of(Map.of(
                                        "op",
                                        "Add",
                                        "path",
                                        "members",
                                        "value",
                                        List.of(Map.of(
                                                "value", UUID.randomUUID().toString()))))))
                .patch("/scim/v2/Groups/{id}", school)
                .then()
                .statusCode(400)
                .body("scimType", equalTo("invalidValue"));
        scim().body(Map.of(
                        "schemas",
                        List.of(ScimConformance.PATCH_OP),
                        "Operations",
                        List.of(Map.of("op", "Replace", "path", "displayName", "value", "Renamed"))))
                .patch("/scim/v2/Groups/{id}", school)
                .then()
                .statusCode(400)
                .body("scimType", equalTo("mutability"));
        assertThat(Db.staffSnapshot()).isEqualTo(snapshot);
        scim().get("/scim/v2/Users/{id}", id).then().body("name.givenName", equalTo("Sky"));
    }

    private static Map<String, Object> patch(Map<String, Object>... operations) {
        return Map.of("schemas", List.of(ScimConformance.PATCH_OP), "Operations", List.of(operations));
    }

    @Test
    void everyErrorOnTheScimPathIsAScimError() {
        given().contentType(SCIM)
                .get("/scim/v2/Users")
                .then()
                .statusCode(401)
                .contentType(SCIM)
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo("401"));
        given().auth()
                .oauth2(Tokens.hrSync())
                .get("/scim/v2/Users")
                .then()
                .statusCode(403)
                .contentType(SCIM)
                .body("status", equalTo("403"));
        scim().get("/scim/v2/Users/{id}", UUID.randomUUID().toString())
                .then()
                .statusCode(404)
                .contentType(SCIM);
        scim().get("/scim/v2/Users/{id}", "not-a-uuid").then().statusCode(404).contentType(SCIM);
        scim().get("/scim/v2/Groups/{id}", "999999").then().statusCode(404).contentType(SCIM);
        scim().get("/scim/v2/Nothing").then().statusCode(404).contentType(SCIM);
        scim().delete("/scim/v2/Groups/{id}", school).then().statusCode(400).body("scimType", equalTo("mutability"));
        // the rest of the API keeps problem+json
        given().get("/api/v1/staff").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void discoveryDescribesWhatIsSupported() {
        scim().get("/scim/v2/ServiceProviderConfig")
                .then()
                .statusCode(200)
                .body("patch.supported", equalTo(true))
                .body("bulk.supported", equalTo(false))
                .body("filter.maxResults", equalTo(100));
        scim().get("/scim/v2/ResourceTypes").then().statusCode(200).body("Resources.id", hasItem("Group"));
        scim().get("/scim/v2/ResourceTypes/User").then().statusCode(200).body("endpoint", equalTo("/Users"));
        scim().get("/scim/v2/Schemas").then().statusCode(200).body("totalResults", equalTo(4));
        scim().get("/scim/v2/Schemas/{id}", ScimAttributes.ENTERPRISE)
                .then()
                .statusCode(200)
                .body("attributes.name", hasItem("employeeNumber"));
    }

    @Test
    void listsPageFromAOneBasedStartIndex() {
        for (int i = 0; i < 3; i++) {
            newUser(school);
        }
        JsonPath all = scim().queryParam("count", 100)
                .get("/scim/v2/Users")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        int total = all.getInt("totalResults");
        assertThat(total).isGreaterThanOrEqualTo(3);
        JsonPath second = scim().queryParam("startIndex", 2)
                .queryParam("count", 1)
                .get("/scim/v2/Users")
                .then()
                .extract()
                .jsonPath();
        assertThat(second.getInt("startIndex")).isEqualTo(2);
        assertThat(second.getInt("itemsPerPage")).isEqualTo(1);
        assertThat(second.getInt("totalResults")).isEqualTo(total);
        assertThat(second.getString("Resources[0].id")).isEqualTo(all.getString("Resources[1].id"));
        scim().queryParam("count", 0).get("/scim/v2/Users").then().body("Resources.size()", equalTo(0));
    }

    @Test
    void concurrentScimAndJsonSyncKeepOneConsistentRegister() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(newUser(school));
        }
        List<String> hrIds = ids.stream().map(ScimTest::hrIdOf).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                int r = round;
                List<Map<String, Object>> records = hrIds.stream()
                        .map(h -> TestData.anAdult(h)
                                .at(school)
                                .with("lastName", "Json" + r)
                                .with("workEmail", h.toLowerCase() + "@school.example")
                                .build())
                        .toList();
                calls.add(CompletableFuture.supplyAsync(
                        () -> Api.as(Tokens.hrSync())
                                .body(Map.of("records", records))
                                .post("/api/v1/staff/sync?mode=partial"),
                        pool));
                for (String id : ids) {
                    calls.add(CompletableFuture.supplyAsync(
                            () -> scim().body(patch(
                                            Map.of("op", "Replace", "path", "name.givenName", "value", "Scim" + r)))
                                    .patch("/scim/v2/Users/{id}", id),
                            pool));
                }
            }
            for (CompletableFuture<Response> call : calls) {
                assertThat(call.get().statusCode()).isIn(200);
            }
        } finally {
            pool.shutdown();
        }
        // one register: every change was applied once, in some order, each with its audit event and version
        for (String hrId : hrIds) {
            long version = Db.count("SELECT version FROM adults WHERE hr_id = ?", hrId);
            long changes =
                    Db.count("SELECT count(*) FROM audit_events WHERE target_type = 'adult' AND target_id = ?", hrId);
            assertThat(version).as("version of %s", hrId).isEqualTo(changes);
        }
    }

    @Test
    void aClientOverItsBurstGetsAScim429AndTheFourXxRateIsVisibleInMetrics() {
        double[] configured = traffic.limits(0.5, 2);
        try {
            String client = Tokens.withRoles("burst-" + System.nanoTime(), Set.of("scim-provisioner"));
            for (int i = 0; i < 2; i++) {
                given().auth()
                        .oauth2(client)
                        .get("/scim/v2/ServiceProviderConfig")
                        .then()
                        .statusCode(200);
            }
            given().auth()
                    .oauth2(client)
                    .get("/scim/v2/ServiceProviderConfig")
                    .then()
                    .statusCode(429)
                    .contentType(SCIM)
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                    .body("status", equalTo("429"));
        } finally {
            traffic.limits(configured[0], (int) configured[1]);
        }
        scim().queryParam("filter", "userName co \"x\"")
                .get("/scim/v2/Users")
                .then()
                .statusCode(400);
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        String metrics = given().get("http://localhost:" + port + "/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(metrics).containsPattern("smp_scim_responses_total\\{[^}]*outcome=\"4xx\"[^}]*resource=\"Users\"");
        assertThat(metrics)
                .containsPattern("smp_scim_responses_total\\{[^}]*outcome=\"4xx\"[^}]*resource=\"discovery\"");
    }
}
