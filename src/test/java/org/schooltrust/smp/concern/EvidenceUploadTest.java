package org.schooltrust.smp.concern;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Concerns;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/**
 * Uploads that are not valid multipart are the client's fault: 400 problem+json, nothing written (issue 23); the Head's
 * concern path refuses the methods it does not have with 405, as the reporter's does.
 */
@ApiTest
class EvidenceUploadTest {

    private static String raised(String school, String reporter) {
        return Concerns.raise(Tokens.staff(reporter, school), Concerns.body(school, "CYBERBULLYING"));
    }

    private static String evidence() {
        return Db.first("SELECT count(*) FROM concern_evidence");
    }

    @Test
    void aBodyThatIsNotValidMultipartIs400AndKeepsNothing() {
        String school = TestData.newSchool();
        String reporter = TestData.hrAdultAt(school);
        String concern = raised(school, reporter);
        String before = evidence();
        List<Map.Entry<String, byte[]>> bodies = new java.util.ArrayList<>();
        bodies.add(Map.entry(
                "multipart/form-data; boundary=XyZ", "{\"file\": \"not multipart\"}".getBytes(StandardCharsets.UTF_8)));
        bodies.add(Map.entry("multipart/form-data; boundary=XyZ", new byte[] {0, 1, 2, 3, 4, 5, (byte) 0xff, 13, 10}));
        bodies.add(Map.entry(
                "multipart/form-data; boundary=Other",
                ("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello\r\n--XyZ--\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        bodies.add(Map.entry(
                "multipart/form-data",
                ("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello\r\n--XyZ--\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        bodies.add(Map.entry(
                "multipart/form-data; boundary=XyZ",
                ("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello")
                        .getBytes(StandardCharsets.UTF_8)));
        for (var body : bodies) {
            int status = RestAssured.given()
                    .auth()
                    .oauth2(Tokens.staff(reporter, school))
                    .contentType(body.getKey())
                    .body(body.getValue())
                    .post("/api/v1/me/concerns/{id}/evidence", concern)
                    .then()
                    .contentType("application/problem+json")
                    .extract()
                    .statusCode();
            assertThat(status).as(body.getKey()).isBetween(400, 499);
        }
        for (byte[] garbage : List.of(
                "{\"file\": \"not multipart\"}".getBytes(StandardCharsets.UTF_8),
                new byte[] {0, 1, 2, 3, 4, 5, (byte) 0xff, 13, 10})) {
            RestAssured.given()
                    .auth()
                    .oauth2(Tokens.staff(reporter, school))
                    .contentType("multipart/form-data; boundary=XyZ")
                    .body(garbage)
                    .post("/api/v1/me/concerns/{id}/evidence", concern)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        assertThat(evidence()).isEqualTo(before);
    }

    @Test
    void theHeadsConcernPathAnswers405ForMethodsItDoesNotHave() {
        String school = TestData.newSchool();
        String reporter = TestData.hrAdultAt(school);
        String concern = raised(school, reporter);
        String head = Tokens.head(TestData.newHrId("H"), school);
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            Api.as(head)
                    .body("{}")
                    .request(method, "/api/v1/schools/{urn}/concerns/{id}", school, concern)
                    .then()
                    .statusCode(405)
                    .contentType("application/problem+json");
        }
    }
}
