package org.schooltrust.smp.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.common.text.Sha256;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.Events;
import org.schooltrust.smp.support.Policies;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/** Issue 27: a Trust version with local sections each school completes; what staff acknowledge binds both. */
@ApiTest
class LocalSectionsTest {

    static final String BODY = "1. Rules\n1.1 Be careful online.\n";

    String schoolA;
    String schoolB;
    String slug;
    String trustSha;
    String adultA;
    String adultB;
    String headA;
    String headB;

    @BeforeEach
    void aVersionWithARequiredLocalSectionAtTwoSchools() {
        schoolA = TestData.newSchool();
        schoolB = TestData.newSchool();
        slug = Policies.newPolicy();
        trustSha = Policies.publish(slug, withSections(Policies.version("1.0", BODY, true, schoolA, schoolB)));
        adultA = TestData.hrAdultAt(schoolA);
        adultB = TestData.hrAdultAt(schoolB);
        headA = Tokens.head(TestData.newHrId("H"), schoolA);
        headB = Tokens.head(TestData.newHrId("H"), schoolB);
    }

    static Map<String, Object> withSections(Map<String, Object> version) {
        version.put(
                "localSections",
                List.of(
                        Map.of("key", "contacts", "number", "12", "title", "Who to contact", "required", true),
                        Map.of(
                                "key",
                                "accounts",
                                "number",
                                "13",
                                "title",
                                "Our own accounts",
                                "required",
                                false,
                                "guidance",
                                "List the school's official accounts.")));
        return version;
    }

    String path(String school) {
        return "/api/v1/schools/" + school + "/policies/" + slug + "/versions/1.0";
    }

    /** Drafts and publishes the school's text as its Head; returns the school's document hash. */
    String publishLocal(String head, String school, String contacts, boolean material) {
        Response draft = Api.as(head)
                .body(Map.of("sections", List.of(Map.of("key", "contacts", "text", contacts)), "material", material))
                .put(path(school) + "/local-text/draft");
        assertThat(draft.statusCode()).isIn(200, 201);
        return Api.as(head)
                .header("If-Match", draft.header("ETag"))
                .post(path(school) + "/local-text/draft/publish")
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .extract()
                .path("bodySha256");
    }

    Response ack(String hrId, String school, String sha) {
        return Api.as(Tokens.staff(hrId, school))
                .body(Policies.ack(slug, "1.0", school, sha))
                .post("/api/v1/me/acknowledgements");
    }

    String status(String head, String school) {
        return Api.as(head)
                .get("/api/v1/schools/{urn}/compliance?policy={slug}", school, slug)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .extract()
                .path("items[0].status");
    }

    /** The school's row of the Trust's compliance, following pages. */
    Map<String, Object> trustRow(String urn) {
        String cursor = null;
        do {
            Response page = Api.as(Tokens.trustAdmin())
                    .queryParam("policy", slug)
                    .queryParam("limit", 200)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/api/v1/compliance");
            List<Map<String, Object>> rows = page.path("schools");
            for (Map<String, Object> row : rows) {
                if (urn.equals(row.get("schoolUrn"))) {
                    return row;
                }
            }
            cursor = page.path("nextCursor");
        } while (cursor != null);
        throw new AssertionError("no row for " + urn);
    }

    @Test
    void aSchoolWhoseRequiredSectionIsMissingIsNotInForceAndItsStaffAreNotAskedYet() {
        Api.as(headB)
                .get("/api/v1/schools/{urn}/compliance?policy={slug}", schoolB, slug)
                .then()
                .statusCode(200)
                .body("awaitingLocalSection", equalTo(true))
                .body("counts.due", equalTo(0))
                .body("counts.notRequired", equalTo(2));
        Api.as(Tokens.staff(adultB, schoolB))
                .get(path(schoolB))
                .then()
                .statusCode(200)
                .body("inForce", equalTo(false))
                .body("awaitingSections", equalTo(List.of("contacts")))
                .body("bodySha256", equalTo(trustSha));
        Api.as(Tokens.staff(adultB, schoolB))
                .get("/api/v1/me/requirements")
                .then()
                .body("items.findAll { it.policy == '" + slug + "' }.status", not(hasItem("DUE")));
        ack(adultB, schoolB, trustSha).then().statusCode(409).body("detail", containsString("contacts"));

        publishLocal(headA, schoolA, "Ring the office on 01234 567890.", true);
        assertThat(trustRow(schoolA).get("awaitingLocalSection")).isEqualTo(false);
        assertThat(trustRow(schoolB).get("awaitingLocalSection")).isEqualTo(true);
        assertThat(status(headA, schoolA)).isEqualTo("DUE");
    }

    @Test
    void acknowledgingBindsTheTrustTextAndTheSchoolsLocalText() {
        String localSha = publishLocal(headA, schoolA, "Ring the office on 01234 567890.", true);
        assertThat(localSha).isNotEqualTo(trustSha);
        Response doc = Api.as(Tokens.staff(adultA, schoolA)).get(path(schoolA));
        doc.then()
                .statusCode(200)
                .body("inForce", equalTo(true))
                .body("bodySha256", equalTo(localSha))
                .body("body", containsString("Be careful online."))
                .body("body", containsString("12 Who to contact"))
                .body("body", containsString("01234 567890"))
                .body("localTextRevision", equalTo(1));
        assertThat(Sha256.hex((String) doc.path("body"))).isEqualTo(localSha);
        Api.as(Tokens.staff(adultA, schoolA))
                .get(path(schoolA) + "/clauses/12")
                .then()
                .statusCode(200)
                .body("heading", equalTo("Who to contact"))
                .body("text", equalTo("Ring the office on 01234 567890."));
        Api.as(Tokens.staff(adultA, schoolA))
                .get(path(schoolA) + "/clauses/1.1")
                .then()
                .statusCode(200);

        // the Trust text alone is not what an adult at this school reads
        ack(adultA, schoolA, trustSha).then().statusCode(409).body("type", containsString("body-hash-mismatch"));
        String id =
                ack(adultA, schoolA, localSha).then().statusCode(201).extract().path("id");
        assertThat(Db.first(
                        "SELECT t.revision::text FROM acknowledgements k JOIN policy_local_texts t"
                                + " ON t.id = k.local_text_id WHERE k.id = ?::uuid",
                        id))
                .isEqualTo("1");
        assertThat(status(headA, schoolA)).isEqualTo("DONE");
        Events.awaitSettled();
        assertThat(Db.count(
                        "SELECT count(*) FROM events WHERE type = 'policy_local_text.published' AND school_urn = ?",
                        schoolA))
                .isEqualTo(1);
    }

    @Test
    void aLocalMaterialChangeAsksOnlyThatSchoolAgainAndANonMaterialOneAsksNoOne() {
        String shaA = publishLocal(headA, schoolA, "Ring the office.", true);
        String shaB = publishLocal(headB, schoolB, "Email the office.", true);
        ack(adultA, schoolA, shaA).then().statusCode(201);
        ack(adultB, schoolB, shaB).then().statusCode(201);

        String shaA2 = publishLocal(headA, schoolA, "Ring the office, or the Head's mobile.", false);
        assertThat(status(headA, schoolA)).isEqualTo("DONE");
        assertThat(shaA2).isNotEqualTo(shaA);

        String shaA3 = publishLocal(headA, schoolA, "Ring the new office number.", true);
        assertThat(status(headA, schoolA)).isEqualTo("DUE");
        assertThat(status(headB, schoolB)).isEqualTo("DONE");
        ack(adultA, schoolA, shaA3).then().statusCode(201);
        assertThat(status(headA, schoolA)).isEqualTo("DONE");
        assertThat(Db.count(
                        "SELECT count(*) FROM acknowledgements k JOIN adults a ON a.id = k.adult_id WHERE a.hr_id = ?",
                        adultA))
                .isEqualTo(2);
        Api.as(headA)
                .get(path(schoolA) + "/local-text")
                .then()
                .statusCode(200)
                .body("revision", equalTo(3))
                .body("sections[0].text", equalTo("Ring the new office number."));
    }

    @Test
    void aNonMaterialTrustVersionCarriesTheSchoolsTextAndItsAcknowledgements() {
        String shaA = publishLocal(headA, schoolA, "Ring the office.", true);
        ack(adultA, schoolA, shaA).then().statusCode(201);
        Policies.publish(
                slug, withSections(Policies.version("1.1", BODY + "1.2 Typo fixed.\n", false, schoolA, schoolB)));
        Api.as(headA)
                .get("/api/v1/schools/{urn}/policies/{slug}/versions/1.1", schoolA, slug)
                .then()
                .statusCode(200)
                .body("inForce", equalTo(true))
                .body("body", containsString("Ring the office."));
        assertThat(status(headA, schoolA)).isEqualTo("DONE");
        Api.as(headB)
                .get("/api/v1/schools/{urn}/compliance?policy={slug}", schoolB, slug)
                .then()
                .body("awaitingLocalSection", equalTo(true));
    }

    @Test
    void badInputIsAProblemAndChangesNothingAndAnotherSchoolIs404() {
        String before = Db.first("SELECT count(*)::text FROM policy_local_texts WHERE school_urn = ?", schoolA);
        Api.as(headA)
                .body(Map.of("sections", List.of(Map.of("key", "nope", "text", "x")), "material", true))
                .put(path(schoolA) + "/local-text/draft")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("sections[0].key"));
        Api.as(headA)
                .body(Map.of(
                        "sections",
                        List.of(Map.of("key", "contacts", "text", "a"), Map.of("key", "contacts", "text", "b")),
                        "material",
                        true))
                .put(path(schoolA) + "/local-text/draft")
                .then()
                .statusCode(422);
        Api.as(headA)
                .body(Map.of("sections", List.of(Map.of("key", "contacts", "text", "  ")), "material", "yes"))
                .put(path(schoolA) + "/local-text/draft")
                .then()
                .statusCode(400);
        Api.as(headA)
                .contentType("application/json")
                .body("{\"sections\": [")
                .put(path(schoolA) + "/local-text/draft")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        // another school's Head, and a school that does not exist
        Api.as(headB)
                .body(Map.of("sections", List.of(Map.of("key", "contacts", "text", "x")), "material", true))
                .put(path(schoolA) + "/local-text/draft")
                .then()
                .statusCode(404);
        Api.as(headB).get(path(schoolA) + "/local-text/draft").then().statusCode(404);
        Api.as(Tokens.staff(adultA, schoolA))
                .body(Map.of("sections", List.of(Map.of("key", "contacts", "text", "x")), "material", true))
                .put(path(schoolA) + "/local-text/draft")
                .then()
                .statusCode(403);
        Api.as(Tokens.trustAdmin()).get(path("999998")).then().statusCode(404);
        assertThat(Db.first("SELECT count(*)::text FROM policy_local_texts WHERE school_urn = ?", schoolA))
                .isEqualTo(before);

        // a draft without the required section cannot be published; If-Match is required
        Response draft = Api.as(headA)
                .body(Map.of("sections", List.of(Map.of("key", "accounts", "text", "@school")), "material", true))
                .put(path(schoolA) + "/local-text/draft");
        draft.then().statusCode(201);
        Api.as(headA).post(path(schoolA) + "/local-text/draft/publish").then().statusCode(428);
        Api.as(headA)
                .header("If-Match", draft.header("ETag"))
                .post(path(schoolA) + "/local-text/draft/publish")
                .then()
                .statusCode(409)
                .body("detail", containsString("contacts"));
        Api.as(headA).get(path(schoolA) + "/local-text").then().statusCode(404);
        assertThat(status(headA, schoolA)).isEqualTo("NOT_REQUIRED");
    }

    @Test
    void aVersionsLocalSectionsAreValidated() {
        Map<String, Object> v = Policies.version("2.0", BODY, true, schoolA);
        v.put(
                "localSections",
                List.of(
                        Map.of("key", "contacts", "number", "1.1", "title", "x", "required", true),
                        Map.of("key", "contacts", "number", "14", "title", "y", "required", false)));
        Api.as(Tokens.trustAdmin())
                .body(v)
                .post("/api/v1/policies/{slug}/versions", slug)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("localSections[0].number"))
                .body("errors.field", hasItem("localSections[1].key"));
    }
}
