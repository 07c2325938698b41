package org.schooltrust.smp.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Concerns;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.Policies;
import org.schooltrust.smp.support.TestClock;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/** Issue 27: the governors' report, rendered, read back as text, and checked against the compliance API. */
@ApiTest
class GovernorsReportTest {

    String school;
    String other;
    String slug;
    String done;
    String overdue;
    String elsewhere;
    String headHrId;
    String head;

    @BeforeEach
    void twoSchoolsWithAnOverdueAdult() {
        school = TestData.newSchool();
        other = TestData.newSchool();
        slug = Policies.newPolicy();
        String sha = Policies.publish(slug, Policies.version("1.0", "1. Rules\n1.1 Rule.\n", true, school, other));
        done = TestData.hrAdultAt(school);
        overdue = TestData.newHrId("E");
        Api.as(Tokens.hrSync())
                .body(TestData.anAdult(overdue)
                        .at(school)
                        .with("firstName", "Gwenllïan Ŵyn")
                        .with("lastName", "Łukasz-Żółć")
                        .build())
                .put("/api/v1/staff/{hrId}", overdue)
                .then()
                .statusCode(201);
        elsewhere = TestData.hrAdultAt(other);
        headHrId = TestData.newHrId("H");
        head = Tokens.head(headHrId, school);
        Api.as(Tokens.staff(done, school))
                .body(Policies.ack(slug, "1.0", school, sha))
                .post("/api/v1/me/acknowledgements")
                .then()
                .statusCode(201);
        Concerns.raise(Tokens.staff(done, school), Concerns.body(school, "CYBERBULLYING"));
        Map<String, Object> aboutTheHead = Concerns.body(school, "TROLLING");
        aboutTheHead.put("aboutStaffHrId", headHrId);
        Concerns.raise(Tokens.staff(done, school), aboutTheHead);
        TestClock.get().advance(Duration.ofDays(30)); // past the 28 days allowed
    }

    @AfterEach
    void resetClock() {
        TestClock.get().reset();
    }

    static String text(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("[ \\t]+", " ");
        }
    }

    byte[] download(String token, String path) {
        return Api.as(token)
                .accept("application/pdf")
                .queryParam("policy", slug)
                .get(path)
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment"))
                .extract()
                .asByteArray();
    }

    @Test
    void aHeadsReportShowsTheComplianceApisFiguresAndNamesOnlyTheirOwnSchoolsStaff() throws IOException {
        JsonPath api = Api.as(head)
                .get("/api/v1/schools/{urn}/compliance?policy={slug}", school, slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String text = text(download(head, "/api/v1/schools/" + school + "/governors-report"));
        long doneN = api.getLong("counts.done");
        long dueN = api.getLong("counts.due");
        long overdueN = api.getLong("counts.overdue");
        long notRequired = api.getLong("counts.notRequired");
        assertThat(overdueN).isGreaterThanOrEqualTo(1);
        assertThat(text)
                .contains("Acknowledged Due Overdue Not required\n" + doneN + " " + dueN + " " + overdueN + " "
                        + notRequired + "\n");
        long required = doneN + dueN + overdueN;
        assertThat(text).contains(Math.round(100.0 * doneN / required) + "% of the " + required + " adults required");
        assertThat(text).contains("School " + school).contains(overdue).doesNotContain(elsewhere);
        // every name prints as written (an embedded font, not PDF's WinAnsi Helvetica)
        assertThat(text).contains("Gwenllïan Ŵyn Łukasz-Żółć");
        assertThat(text).contains("Declarations awaiting the Head's review: 0");
        assertThat(text).contains("Cyberbullying 1 0");
        // a concern about the Head asking is never counted in their report
        assertThat(text).doesNotContain("Trolling");
        // the category table adds up to the same total
        assertThat(text).contains("Teacher ");
        assertThat(Db.count(
                        "SELECT count(*) FROM audit_events WHERE action = 'report.governors.downloaded' AND target_id = ?",
                        school))
                .isEqualTo(1);
    }

    @Test
    void theTrustsReportIsForTrustAdminAndNamesNoOne() throws IOException {
        JsonPath api = Api.as(Tokens.trustAdmin())
                .get("/api/v1/compliance?policy={slug}", slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String text = text(download(Tokens.trustAdmin(), "/api/v1/governors-report"));
        assertThat(text)
                .contains("Acknowledged Due Overdue Not required\n" + api.getLong("total.done") + " "
                        + api.getLong("total.due") + " " + api.getLong("total.overdue") + " "
                        + api.getLong("total.notRequired") + "\n");
        assertThat(text).contains("School " + school + " (" + school + ")").doesNotContain(overdue, done, elsewhere);
        assertThat(text).contains("Trolling");
        Api.as(head)
                .accept("application/pdf")
                .queryParam("policy", slug)
                .get("/api/v1/governors-report")
                .then()
                .statusCode(403);
    }

    @Test
    void anotherSchoolsHeadGets404AndBadInputIsAProblem() {
        String otherHead = Tokens.head(TestData.newHrId("H"), other);
        Api.as(otherHead)
                .accept("application/pdf")
                .queryParam("policy", slug)
                .get("/api/v1/schools/{urn}/governors-report", school)
                .then()
                .statusCode(404);
        Api.as(Tokens.staff(done, school))
                .accept("application/pdf")
                .queryParam("policy", slug)
                .get("/api/v1/schools/{urn}/governors-report", school)
                .then()
                .statusCode(403);
        Api.as(head)
                .accept("application/pdf")
                .get("/api/v1/schools/{urn}/governors-report", school)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        Api.as(head)
                .accept("application/pdf")
                .queryParam("policy", "no-such-policy")
                .get("/api/v1/schools/{urn}/governors-report", school)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertThat(Db.count(
                        "SELECT count(*) FROM audit_events WHERE action = 'report.governors.downloaded' AND target_id = ?",
                        school))
                .isZero();
    }
}
