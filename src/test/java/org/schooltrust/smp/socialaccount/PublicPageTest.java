package org.schooltrust.smp.socialaccount;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.Events;
import org.schooltrust.smp.support.SocialAccounts;
import org.schooltrust.smp.support.SocialAccounts.SchoolStaff;
import org.schooltrust.smp.support.Tokens;

/** The public "is this really the school's account?" page (issue 28), as a parent's browser asks for it. */
@ApiTest
class PublicPageTest {

    @Inject
    PublicPageHttp http;

    SchoolStaff school;
    String official;
    String retired;
    String suspended;

    @BeforeEach
    void aSchoolWithAccounts() {
        school = SocialAccounts.aSchool();
        official = SocialAccounts.newHandle();
        school.active(official);
        retired = SocialAccounts.newHandle();
        String r = school.active(retired);
        SocialAccounts.transition(school.head(), r, "retire", Map.of("reason", "Closed."))
                .then()
                .statusCode(200);
        suspended = SocialAccounts.newHandle();
        String s = school.active(suspended);
        SocialAccounts.transition(school.head(), s, "suspend", Map.of("reason", "Compromised."))
                .then()
                .statusCode(200);
    }

    /** The status line's code of a request sent byte for byte. */
    private static int rawStatus(String target) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.getOutputStream()
                    .write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(
                            socket.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private static Response page(String path) {
        return given().accept("text/html").get(path);
    }

    private static Document html(Response response) {
        return Jsoup.parse(response.asString());
    }

    private String answer(String link) {
        Response response = given().accept("text/html")
                .queryParam("link", link)
                .get("/public/social-media/{urn}/check", school.urn());
        response.then().statusCode(200);
        return html(response).select("[data-answer]").attr("data-answer");
    }

    @Test
    void theSchoolsPageListsItsOfficialAccountsAndThoseNoLongerUsedAsSuch() {
        Response response = page("/public/social-media/" + school.urn());
        response.then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", PublicPageHttp.CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", containsString("max-age="))
                .header("ETag", org.hamcrest.Matchers.notNullValue());
        Document doc = html(response);
        assertThat(doc.select("html").attr("lang")).isEqualTo("en");
        assertThat(doc.select("#official-accounts a").eachAttr("href")).containsExactly("https://x.com/" + official);
        assertThat(doc.select("#official-accounts .govuk-tag").text()).isEqualTo("Official");
        assertThat(doc.select("#ended-accounts tbody tr").eachText())
                .anySatisfy(row -> assertThat(row).contains(retired).contains("No longer used"))
                .anySatisfy(row -> assertThat(row).contains(suspended).contains("Suspended: not in use"));
        assertThat(doc.select("#ended-accounts a"))
                .as("no link to an account that is not the school's")
                .isEmpty();
        // no adult's data: not the proposer, the administrators or the Head
        assertThat(doc.text())
                .doesNotContain(school.admin1())
                .doesNotContain(school.admin2())
                .doesNotContain(school.headHrId())
                .doesNotContain("Sam");

        // a CDN can revalidate it cheaply
        given().accept("text/html")
                .header("If-None-Match", response.header("ETag"))
                .get("/public/social-media/{urn}", school.urn())
                .then()
                .statusCode(304);
    }

    @Test
    void anotherSchoolsPageDoesNotListThisSchoolsAccounts() {
        SchoolStaff other = SocialAccounts.aSchool();
        Document doc = html(page("/public/social-media/" + other.urn()));
        assertThat(doc.text()).doesNotContain(official).doesNotContain(retired).doesNotContain(suspended);
        assertThat(doc.select("#official-accounts")).isEmpty();
        // and its check does not vouch for this school's account
        String answer = html(given().accept("text/html")
                        .queryParam("link", "https://x.com/" + official)
                        .get("/public/social-media/{urn}/check", other.urn()))
                .select("[data-answer]")
                .attr("data-answer");
        assertThat(answer).isEqualTo("NOT_THIS_SCHOOL");
    }

    @Test
    void theCheckAnswersEachStatusAndNeverOfficialForALookAlike() {
        assertThat(answer("https://mobile.twitter.com/" + official.toUpperCase() + "?s=20"))
                .isEqualTo("OFFICIAL");
        assertThat(answer("@" + official)).isEqualTo("OFFICIAL");
        assertThat(answer("x.com/" + official)).isEqualTo("OFFICIAL");
        assertThat(answer("https://x.com/" + retired)).isEqualTo("NO_LONGER_USED");
        assertThat(answer(suspended)).isEqualTo("NO_LONGER_USED");
        assertThat(answer("https://x.com/somebody-else")).isEqualTo("NOT_THIS_SCHOOL");
        assertThat(answer("not a link at all")).isEqualTo("NOT_THIS_SCHOOL");
        List<String> lookAlikes = CanonicalizerTest.lookAlikes()
                .map(l -> l.replaceAll("(?i)StJamesPrimary", official))
                .toList();
        assertThat(lookAlikes).hasSizeGreaterThan(25);
        for (String lookAlike : lookAlikes) {
            assertThat(answer(lookAlike)).as(lookAlike).isNotEqualTo("OFFICIAL");
        }
    }

    @Test
    void badInputIsAFriendlyPageNeverA500() throws java.io.IOException {
        Document empty = html(given().accept("text/html")
                .queryParam("link", "")
                .get("/public/social-media/{urn}/check", school.urn())
                .then()
                .statusCode(400)
                .contentType(startsWith("text/html"))
                .extract()
                .response());
        assertThat(empty.select(".govuk-error-message").text()).contains("Enter the link or handle");
        assertThat(empty.select("#link").attr("aria-describedby")).contains("link-error");
        given().accept("text/html")
                .queryParam("link", "https://x.com/" + "a".repeat(3000))
                .get("/public/social-media/{urn}/check", school.urn())
                .then()
                .statusCode(400)
                .body(containsString("The link is too long"));
        for (String path : List.of(
                "/public/social-media/999999",
                "/public/social-media/not-a-school",
                "/public/social-media/999999/check?link=x",
                "/public/nothing-here")) {
            page(path)
                    .then()
                    .statusCode(404)
                    .contentType(startsWith("text/html"))
                    .body(containsString("Page not found"));
        }
        // a malformed escape no HTTP client library will send: written on a socket
        assertThat(rawStatus("/public/social-media/" + school.urn() + "/check?link=%zz%"))
                .isBetween(200, 499);
        assertThat(rawStatus("/public/social-media/%E0%A4%A/check")).isBetween(400, 499);
        given().accept("text/html")
                .get("/public/social-media/" + school.urn() + "/check?link=" + "x".repeat(9000))
                .then()
                .statusCode(414)
                .contentType(startsWith("text/html"));
        given().accept("text/html")
                .queryParam("link", "https://x.com/\u0000\u202e" + official)
                .get("/public/social-media/{urn}/check", school.urn())
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(500));
    }

    @Test
    void settingsAreTheSchoolsToEditAuditedAndPublished() {
        String cursor = Events.latest();
        Map<String, Object> settings = Map.of(
                "platformsNotUsed", List.of("TIKTOK", "X"),
                "neverContact", "We will never message you on WhatsApp or ask for payment on social media.",
                "monitoringHours", "Monday to Friday, 8am to 5pm, in term time",
                "reportContact", "the school office, 01234 567890",
                "runBy", "The school office");
        Api.as(Tokens.staff(school.colleague(), school.urn()))
                .body(settings)
                .put("/api/v1/schools/{urn}/public-page", school.urn())
                .then()
                .statusCode(403);
        SchoolStaff other = SocialAccounts.aSchool();
        String snapshot = Db.count("SELECT count(*) FROM school_public_pages") + "/"
                + Db.count("SELECT count(*) FROM audit_events");
        Api.as(other.head())
                .body(settings)
                .put("/api/v1/schools/{urn}/public-page", school.urn())
                .then()
                .statusCode(404);
        Api.as(Tokens.hrSync())
                .body(settings)
                .put("/api/v1/schools/{urn}/public-page", school.urn())
                .then()
                .statusCode(403);
        Api.as(school.head())
                .body(Map.of("platformsNotUsed", List.of("MYSPACE")))
                .put("/api/v1/schools/{urn}/public-page", school.urn())
                .then()
                .statusCode(422);
        Api.as(school.head())
                .body(Map.of("platformsNotUsed", List.of(), "runBy", "x".repeat(121)))
                .put("/api/v1/schools/{urn}/public-page", school.urn())
                .then()
                .statusCode(422);
        assertThat(Db.count("SELECT count(*) FROM school_public_pages") + "/"
                        + Db.count("SELECT count(*) FROM audit_events"))
                .isEqualTo(snapshot);

        String etag = Api.as(school.head())
                .body(settings)
                .put("/api/v1/schools/{urn}/public-page", school.urn())
                .then()
                .statusCode(201)
                .body("pageUrl", containsString("/public/social-media/" + school.urn()))
                .extract()
                .header("ETag");
        Api.as(Tokens.trustAdmin())
                .header("If-Match", etag)
                .body(settings)
                .put("/api/v1/schools/{urn}/public-page", school.urn())
                .then()
                .statusCode(200)
                .header("ETag", equalTo(etag));
        assertThat(Db.count(
                        "SELECT count(*) FROM audit_events WHERE action = 'school.public-page.updated' AND target_id = ?",
                        school.urn()))
                .isEqualTo(1);
        assertThat(Events.poll(Tokens.trustAdmin(), cursor, "school=" + school.urn())
                        .types())
                .contains("school.public_page_updated");

        Document doc = html(page("/public/social-media/" + school.urn()));
        assertThat(doc.select("#platforms-not-used li").eachText())
                .as("a platform with an official account is never listed as not used")
                .containsExactly("TikTok");
        assertThat(doc.select("#never-contact").text()).contains("never message you on WhatsApp");
        assertThat(doc.select("#monitoring").text()).isEqualTo("Monday to Friday, 8am to 5pm, in term time");
        assertThat(doc.select("#official-accounts tbody td").eachText()).contains("The school office");
        assertThat(doc.text()).contains("Tell the school: the school office, 01234 567890");
        assertThat(doc.select("a[href^=https://help.x.com]")).isNotEmpty();
    }

    @Test
    void theTrustPageLinksEverySchoolAndTheAccessibilityStatement() {
        Document trust = html(
                page("/public/social-media").then().statusCode(200).extract().response());
        assertThat(trust.select("a[href=/public/social-media/" + school.urn() + "]")
                        .text())
                .isEqualTo("School " + school.urn());
        assertThat(trust.select("a[href=/public/accessibility]")).isNotEmpty();
        page("/public/accessibility")
                .then()
                .statusCode(200)
                .body(containsString("Web Content Accessibility Guidelines"));
        given().get("/public/assets/govuk-frontend.min.css")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", PublicPageHttp.CSP)
                .body(startsWith("/*! govuk-frontend 6.6.0"))
                .body(not(containsString("GDS Transport;")));
    }

    @Test
    void oneClientAddressOverItsBurstGetsA429Page() {
        double[] configured = http.limits(0.2, 2);
        try {
            page("/public/accessibility").then().statusCode(200);
            page("/public/accessibility").then().statusCode(200);
            page("/public/accessibility")
                    .then()
                    .statusCode(429)
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                    .contentType(startsWith("text/html"))
                    .body(containsString("Too many requests"));
        } finally {
            http.limits(configured[0], (int) configured[1]);
        }
    }
}
