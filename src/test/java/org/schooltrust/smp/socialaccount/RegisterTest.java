package org.schooltrust.smp.socialaccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.SocialAccounts;
import org.schooltrust.smp.support.SocialAccounts.SchoolStaff;
import org.schooltrust.smp.support.Tokens;

/** The public register: content without personal data, strong ETag and 304, delta reads with tombstones, verify. */
@ApiTest
class RegisterTest {

    private static final String REGISTER = "/api/v1/register/social-accounts";
    private static final String VERIFY = REGISTER + "/verify";

    SchoolStaff school;
    String reader;

    @BeforeEach
    void aSchoolAndAReader() {
        school = SocialAccounts.aSchool();
        reader = Tokens.registerReader();
    }

    private List<Map<String, Object>> pull(String query) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            Response page =
                    Api.as(reader).get(REGISTER + "?limit=1000" + query + (cursor == null ? "" : "&cursor=" + cursor));
            page.then().statusCode(200);
            all.addAll(page.path("items"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return all;
    }

    private static Map<String, Object> entry(List<Map<String, Object>> items, String id) {
        return items.stream().filter(i -> id.equals(i.get("id"))).findFirst().orElse(null);
    }

    @Test
    void activeAccountsAreListedWithTheirSchoolAndNoAdultsData() {
        String handle = SocialAccounts.newHandle();
        String active = school.active(handle);
        String proposed = school.propose(SocialAccounts.newHandle());
        String approved = school.approved(SocialAccounts.newHandle());
        Response response = Api.as(reader).get(REGISTER + "?limit=1000");
        response.then().statusCode(200);
        String body = response.asString();
        List<Map<String, Object>> items = response.path("items");
        Map<String, Object> entry = entry(items, active);
        assertThat(entry)
                .containsEntry("schoolUrn", school.urn())
                .containsEntry("schoolName", "School " + school.urn())
                .containsEntry("platform", "X")
                .containsEntry("handle", handle)
                .containsEntry("canonicalUrl", "https://x.com/" + handle)
                .containsEntry("purpose", "PEDAGOGICAL")
                .containsEntry("removed", false)
                .containsKeys("approvedAt", "liveSince", "updatedAt")
                .doesNotContainKeys("administrators", "reason", "proposedBy", "status");
        assertThat(entry(items, proposed)).isNull();
        assertThat(entry(items, approved)).isNull();
        for (String personal : List.of(school.admin1(), school.admin2(), school.headHrId(), "Sam", "Teacher")) {
            assertThat(body).doesNotContain(personal);
        }
        assertThat(body).doesNotContain(SocialAccounts.REASON);
    }

    @Test
    void aStrongETagAnswers304UntilTheRegisterChanges() {
        school.active(SocialAccounts.newHandle());
        Response first = Api.as(reader).get(REGISTER + "?limit=1000");
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"").doesNotStartWith("W/");
        Api.as(reader).get(REGISTER + "?limit=1000").then().statusCode(200).header("ETag", etag);
        Api.as(Tokens.staff(school.admin1(), school.urn()))
                .get(REGISTER + "?limit=1000")
                .then()
                .header("ETag", etag);

        Response notModified = Api.as(reader).header("If-None-Match", etag).get(REGISTER + "?limit=1000");
        notModified.then().statusCode(304).header("ETag", etag);
        assertThat(notModified.asString()).isEmpty();
        Api.as(reader)
                .header("If-None-Match", "\"something-else\", W/" + etag)
                .get(REGISTER + "?limit=1000")
                .then()
                .statusCode(304);
        Api.as(reader)
                .header("If-None-Match", "\"something-else\"")
                .get(REGISTER + "?limit=1000")
                .then()
                .statusCode(200);
        Api.as(reader)
                .header("If-None-Match", etag)
                .get(REGISTER + "?limit=999")
                .then()
                .statusCode(200)
                .header("ETag", not(etag));

        // a proposal does not change the register; going live does
        String approved = school.approved(SocialAccounts.newHandle());
        Api.as(reader)
                .header("If-None-Match", etag)
                .get(REGISTER + "?limit=1000")
                .then()
                .statusCode(304);
        String handle = Api.as(Tokens.trustAdmin())
                .get("/api/v1/social-accounts/{id}", approved)
                .path("handle");
        SocialAccounts.transition(
                        school.staff(school.admin1()),
                        approved,
                        "confirm-live",
                        Map.of("url", "https://x.com/" + handle))
                .then()
                .statusCode(200);
        Response changed = Api.as(reader).header("If-None-Match", etag).get(REGISTER + "?limit=1000");
        changed.then().statusCode(200).header("ETag", not(etag));
        assertThat(entry(changed.path("items"), approved)).isNotNull();

        // renaming a school changes the names shown, so the ETag too
        String renamedTag = changed.header("ETag");
        Api.as(Tokens.trustAdmin())
                .body(Map.of("name", "Renamed " + school.urn(), "status", "OPEN"))
                .put("/api/v1/schools/{urn}", school.urn())
                .then()
                .statusCode(200);
        Api.as(reader)
                .header("If-None-Match", renamedTag)
                .get(REGISTER + "?limit=1000")
                .then()
                .statusCode(200)
                .header("ETag", not(renamedTag));
    }

    @Test
    void deltaReadsReturnTombstonesForSuspendedAndRetiredAccounts() {
        Instant start = Instant.now();
        String a = school.active(SocialAccounts.newHandle());
        String b = school.active(SocialAccounts.newHandle());
        String neverLive = school.approved(SocialAccounts.newHandle());
        String query = "&updatedSince=" + start;
        assertThat(entry(pull(query), a)).containsEntry("removed", false);

        String head = school.head();
        SocialAccounts.transition(head, a, "suspend", Map.of("reason", "Compromised."))
                .then()
                .statusCode(200);
        SocialAccounts.transition(head, neverLive, "retire", Map.of()).then().statusCode(200);
        List<Map<String, Object>> delta = pull(query);
        assertThat(entry(delta, a)).containsEntry("removed", true).containsEntry("platform", "X");
        assertThat(entry(delta, b)).containsEntry("removed", false);
        assertThat(entry(delta, neverLive))
                .as("never on the register: no tombstone")
                .isNull();
        assertThat(entry(pull(""), a))
                .as("the full register lists ACTIVE accounts only")
                .isNull();

        String afterSuspension = (String) entry(delta, a).get("updatedAt");
        SocialAccounts.transition(head, a, "reinstate", Map.of()).then().statusCode(200);
        Map<String, Object> reinstated = entry(pull(query), a);
        assertThat(reinstated).containsEntry("removed", false);
        assertThat(Instant.parse((String) reinstated.get("updatedAt"))).isAfter(Instant.parse(afterSuspension));

        SocialAccounts.transition(head, a, "retire", Map.of("reason", "Closed."))
                .then()
                .statusCode(200);
        assertThat(entry(pull(query), a)).containsEntry("removed", true);
        assertThat(entry(pull("&updatedSince=" + Instant.now().plusSeconds(60)), a))
                .isNull();
    }

    @Test
    void deltaReadsAreOrderedByChangeAndPagedWithACursor() {
        Instant start = Instant.now();
        String first = school.active(SocialAccounts.newHandle());
        String second = school.active(SocialAccounts.newHandle());
        Response page1 = Api.as(reader).get(REGISTER + "?limit=1&updatedSince={t}", start.toString());
        page1.then()
                .statusCode(200)
                .body("items[0].id", equalTo(first))
                .body("nextCursor", notNullValue())
                .header("Link", containsString("rel=\"next\""));
        Api.as(reader)
                .get(REGISTER + "?limit=1&updatedSince={t}&cursor={c}", start.toString(), page1.path("nextCursor"))
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(second));
        Api.as(reader).get(REGISTER + "?updatedSince=yesterday").then().statusCode(422);
        Api.as(reader).get(REGISTER + "?limit=0").then().statusCode(422);
        Api.as(reader).get(REGISTER + "?cursor=bm9wZQ").then().statusCode(400);
    }

    @Test
    void verifyTellsTheOfficialAccountFromLookAlikes() {
        String handle = SocialAccounts.newHandle();
        String active = school.active(handle);
        for (String url : List.of(
                "https://x.com/" + handle,
                "http://twitter.com/" + handle.toUpperCase(),
                "mobile.twitter.com/" + handle + "/?lang=en#top",
                "https://www.x.com/" + handle + "?s=20")) {
            Api.as(reader).get(VERIFY + "?url={u}", url).then().statusCode(200).body("official", equalTo(true));
        }
        Api.as(reader)
                .get(VERIFY + "?url={u}", "https://twitter.com/" + handle)
                .then()
                .body("official", equalTo(true))
                .body("account.id", equalTo(active))
                .body("account.canonicalUrl", equalTo("https://x.com/" + handle))
                .body("school.urn", equalTo(school.urn()))
                .body("school.name", equalTo("School " + school.urn()))
                .body("canonical.platform", equalTo("X"));
        Api.as(reader)
                .get(VERIFY + "?platform=X&handle={h}", "@" + handle.toUpperCase())
                .then()
                .body("official", equalTo(true))
                .body("account.id", equalTo(active));
        for (String lookAlike : List.of(
                "https://x.com.evil.example/" + handle,
                "https://xcom.example/" + handle,
                "https://twitter.com@evil.example/" + handle,
                "https://x.com/" + handle + "1",
                "https://x.com/" + handle + "/status/1",
                "https://www.instagram.com/" + handle)) {
            Api.as(reader)
                    .get(VERIFY + "?url={u}", lookAlike)
                    .then()
                    .statusCode(200)
                    .body("official", equalTo(false))
                    .body("account", nullValue())
                    .body("school", nullValue());
        }
        Api.as(reader)
                .get(VERIFY + "?url={u}", "https://t.co/abc")
                .then()
                .body("official", equalTo(false))
                .body("canonical", nullValue());

        SocialAccounts.transition(school.head(), active, "suspend", Map.of("reason", "Check."))
                .then()
                .statusCode(200);
        Api.as(reader)
                .get(VERIFY + "?url={u}", "https://x.com/" + handle)
                .then()
                .body("official", equalTo(false))
                .body("canonical.url", equalTo("https://x.com/" + handle));
    }

    @Test
    void verifyNeedsExactlyOneFormOfInput() {
        Api.as(reader).get(VERIFY).then().statusCode(422).contentType("application/problem+json");
        Api.as(reader)
                .get(VERIFY + "?url=https://x.com/a&platform=X&handle=a")
                .then()
                .statusCode(422);
        Api.as(reader).get(VERIFY + "?handle=a").then().statusCode(422).body("errors.field", hasItem("platform"));
        Api.as(reader).get(VERIFY + "?platform=X").then().statusCode(422).body("errors.field", hasItem("handle"));
        Api.as(reader)
                .get(VERIFY + "?platform=MYSPACE&handle=a")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("platform"));
        Api.as(reader).get(VERIFY + "?url=" + "a".repeat(2049)).then().statusCode(422);
    }
}
