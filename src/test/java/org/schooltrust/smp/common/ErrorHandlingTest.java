package org.schooltrust.smp.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.Tokens;

@ApiTest
class ErrorHandlingTest {

    private static final String PROBLEMS = "https://smp.schooltrust.example/problems/";

    static ValidatableResponse isProblem(ValidatableResponse response, int status, String slug) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + slug))
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("requestId", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("at org.")))
                .body(not(containsString("SQL")));
    }

    @Test
    void unknownPathIsAProblem404() {
        isProblem(Api.as(Tokens.trustAdmin()).get("/api/v1/no-such-thing").then(), 404, "not-found");
        isProblem(Api.anonymous().get("/nothing/here").then(), 404, "not-found");
    }

    @Test
    void wrongMethodIs405() {
        isProblem(Api.as(Tokens.trustAdmin()).delete("/api/v1/schools").then(), 405, "method-not-allowed");
    }

    @Test
    void unacceptableMediaTypeIs406() {
        isProblem(
                given().auth()
                        .oauth2(Tokens.trustAdmin())
                        .accept("application/xml")
                        .get("/api/v1/schools")
                        .then(),
                406,
                "not-acceptable");
    }

    @Test
    void unsupportedBodyMediaTypeIs415() {
        isProblem(
                given().auth()
                        .oauth2(Tokens.trustAdmin())
                        .contentType("text/plain")
                        .body("name=x")
                        .put("/api/v1/schools/123456")
                        .then(),
                415,
                "unsupported-media-type");
    }

    @Test
    void malformedJsonIs400() {
        isProblem(
                Api.as(Tokens.trustAdmin())
                        .body("{\"name\": ")
                        .put("/api/v1/schools/123456")
                        .then(),
                400,
                "malformed-request");
    }

    @Test
    void wrongTypeNamesTheField() {
        isProblem(
                        Api.as(Tokens.trustAdmin())
                                .body(Map.of("name", 123, "status", "OPEN"))
                                .put("/api/v1/schools/123456")
                                .then(),
                        400,
                        "malformed-request")
                .body("errors.field", hasItem("name"));
    }

    @Test
    void noTokenIs401WithChallenge() {
        isProblem(Api.anonymous().get("/api/v1/schools").then(), 401, "unauthorized")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void badTokensAre401() {
        for (String token :
                new String[] {Tokens.expired(), Tokens.forAnotherAudience(), Tokens.signedByAnotherKey(), "not-a-jwt"
                }) {
            isProblem(Api.as(token).get("/api/v1/schools").then(), 401, "unauthorized");
        }
    }

    @Test
    void missingRoleIs403() {
        isProblem(
                Api.as(Tokens.registerReader())
                        .body(Map.of("name", "X", "status", "OPEN"))
                        .put("/api/v1/schools/123456")
                        .then(),
                403,
                "forbidden");
    }

    @Test
    void validationListsFields() {
        isProblem(
                        Api.as(Tokens.trustAdmin())
                                .body(Map.of("name", " "))
                                .put("/api/v1/schools/12345")
                                .then(),
                        422,
                        "validation-failed")
                .body("errors.field", hasItem("urn"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("status"));
    }

    @Test
    void badQueryParametersAreProblems() {
        isProblem(Api.as(Tokens.trustAdmin()).get("/api/v1/schools?limit=5000").then(), 422, "validation-failed")
                .body("errors.field", hasItem("limit"));
        isProblem(Api.as(Tokens.trustAdmin()).get("/api/v1/schools?cursor=%%%").then(), 400, "malformed-request");
    }

    @Test
    void requestIdIsEchoedAndCarriedByProblems() {
        Api.as(Tokens.trustAdmin())
                .header("X-Request-Id", "test-request-0001")
                .get("/api/v1/no-such-thing")
                .then()
                .header("X-Request-Id", "test-request-0001")
                .body("requestId", equalTo("test-request-0001"));
        given().get("/api/v1/schools").then().statusCode(401).header("X-Request-Id", notNullValue());
    }

    @Test
    void oversizedBodyIs413BeforeItIsRead() throws Exception {
        // A raw request announcing 20 MB: the server must refuse it from the headers, without reading the body.
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/v1/staff/sync HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Tokens.hrSync() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 20000000\r\n\r\n{\"records\": [";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            while (!answer.toString().endsWith("}")) {
                int read = socket.getInputStream().read(buffer);
                if (read < 0) {
                    break;
                }
                answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
            assertThat(answer.toString()).startsWith("HTTP/1.1 413");
            assertThat(answer.toString()).contains("application/problem+json").contains(PROBLEMS + "payload-too-large");
        }
    }

    @Test
    void valuesTheDatabaseCannotStoreAre400AndChangeNothing() {
        // a cursor that decodes to a NUL byte is not one this server issued: refused before it reaches SQL
        isProblem(Api.as(Tokens.trustAdmin()).get("/api/v1/schools?cursor=AA").then(), 400, "malformed-request");
        isProblem(Api.as(Tokens.trustAdmin()).get("/api/v1/schools?limit=abc").then(), 422, "validation-failed")
                .body("errors.field", hasItem("limit"));
        long schools = Db.count("SELECT count(*) FROM schools");
        isProblem(
                Api.as(Tokens.trustAdmin())
                        .body(Map.of("name", "Nul\u0000School", "status", "OPEN"))
                        .put("/api/v1/schools/{urn}", "987650")
                        .then(),
                400,
                "unacceptable-value");
        org.assertj.core.api.Assertions.assertThat(Db.count("SELECT count(*) FROM schools"))
                .isEqualTo(schools);
    }
}
