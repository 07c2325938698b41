package org.schooltrust.smp.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schooltrust.smp.common.ErrorHandlingTest.isProblem;

import io.restassured.RestAssured;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/** The server refuses what the contract forbids instead of coercing it, and changes nothing (issue: hardening). */
@ApiTest
class StrictInputTest {

    private static String snapshot() {
        return Db.staffSnapshot() + "/" + Db.count("SELECT count(*) FROM schools") + "/"
                + Db.count("SELECT count(*) FROM family_declarations") + "/"
                + Db.count("SELECT count(*) FROM acknowledgements") + "/"
                + Db.count("SELECT count(*) FROM social_accounts");
    }

    @Test
    void aRepeatedKeyIs400OnEveryKindOfWrite() {
        String school = TestData.newSchool();
        String hrId = TestData.hrAdultAt(school);
        String before = snapshot();
        isProblem(
                Api.as(Tokens.trustAdmin())
                        .body("{\"name\":\"A\",\"name\":\"B\",\"status\":\"OPEN\"}")
                        .put("/api/v1/schools/{urn}", school)
                        .then(),
                400,
                "malformed-request");
        isProblem(
                Api.as(Tokens.hrSync())
                        .body("{\"records\":[],\"records\":[]}")
                        .post("/api/v1/staff/sync")
                        .then(),
                400,
                "malformed-request");
        isProblem(
                Api.as(Tokens.staff(hrId, school))
                        .body("{\"schoolUrn\":\"" + school + "\",\"schoolUrn\":\"" + school + "\"}")
                        .post("/api/v1/me/family-nil-returns")
                        .then(),
                400,
                "malformed-request");
        isProblem(
                Api.as(Tokens.staff(hrId, school))
                        .body("{\"schoolUrn\":\"1\",\"schoolUrn\":\"1\"}")
                        .post("/api/v1/me/acknowledgements")
                        .then(),
                400,
                "malformed-request");
        isProblem(
                Api.as(Tokens.staff(hrId, school))
                        .body("{\"schoolUrn\":\"1\",\"schoolUrn\":\"1\"}")
                        .post("/api/v1/social-accounts")
                        .then(),
                400,
                "malformed-request");
        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"firstName\":123}",
                "{\"firstName\":true}",
                "{\"firstName\":\"A\\u0007B\"}",
                "{\"firstName\":\"A\\rB\"}",
                "{\"firstName\":\"A\\ud800B\"}",
                "{\"firstName\":\"A\\udc00\"}",
                "{\"active\":\"true\"}",
                "{\"active\":1}",
                "{\"category\":\"TEACHER \"}",
                "{\"assignments\":[{\"schoolUrn\":\"SCHOOL\",\"startDate\":\"2024-09-01T00:00:00Z\"}]}",
                "{\"assignments\":[{\"schoolUrn\":\"SCHOOL\",\"startDate\":\"10000-09-01\"}]}",
                "{\"assignments\":[{\"schoolUrn\":\"SCHOOL\",\"startDate\":\"+2024-09-01\"}]}",
                "{\"assignments\":[{\"schoolUrn\":123,\"startDate\":\"2024-09-01\"}]}"
            })
    void coercibleOrForbiddenValuesAreRefused(String override) {
        String school = TestData.newSchool();
        String hrId = TestData.newHrId("STRICT");
        String body = "{\"hrId\":\"" + hrId + "\",\"firstName\":\"Sam\",\"lastName\":\"Teacher\",\"workEmail\":\""
                + hrId.toLowerCase() + "@school.example\",\"category\":\"TEACHER\",\"active\":true,\"assignments\":"
                + "[{\"schoolUrn\":\"" + school + "\",\"startDate\":\"2024-09-01\"}]}";
        String merged = merge(body, override.replace("SCHOOL", school));
        String before = snapshot();
        int status = Api.as(Tokens.hrSync())
                .body(merged)
                .put("/api/v1/staff/{id}", hrId)
                .then()
                .contentType("application/problem+json")
                .extract()
                .statusCode();
        assertThat(status).isIn(400, 422);
        assertThat(snapshot()).isEqualTo(before);
    }

    /** Replaces the top-level keys of {@code base} with those of {@code override} (both small flat JSON objects). */
    private static String merge(String base, String override) {
        try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            // lone surrogates must reach the server as \\u escapes, as a careless client would send them
            mapper.enable(com.fasterxml.jackson.core.JsonGenerator.Feature.ESCAPE_NON_ASCII);
            var b = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(base);
            var o = mapper.readTree(override);
            o.fieldNames().forEachRemaining(name -> b.set(name, o.get(name)));
            return mapper.writeValueAsString(b);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFloatForAnIntegerIsRefused() {
        isProblem(
                Api.as(Tokens.trustAdmin())
                        .body("{\"label\":\"9.9\",\"text\":\"1. A\\n1.1 B.\\n\",\"material\":true,\"allSchools\":true,"
                                + "\"audience\":[\"TEACHER\"],\"dueDays\":1.5}")
                        .post("/api/v1/policies/social-media/versions")
                        .then(),
                400,
                "malformed-request");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "E1;x=1"})
    void dotSegmentsAndMatrixFormsAreNotIds(String hrId) {
        String school = TestData.newSchool();
        String before = snapshot();
        int status = Api.as(Tokens.hrSync())
                .body(TestData.anAdult(hrId).at(school).build())
                .urlEncodingEnabled(false)
                .put("/api/v1/staff/" + hrId)
                .then()
                .contentType("application/problem+json")
                .extract()
                .statusCode();
        assertThat(status).isIn(400, 404, 405, 422);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aMatrixParameterDoesNotNameAnotherRecord() {
        String school = TestData.newSchool();
        String hrId = TestData.hrAdultAt(school);
        isProblem(
                Api.as(Tokens.hrSync())
                        .urlEncodingEnabled(false)
                        .get("/api/v1/staff/" + hrId + ";x=1")
                        .then(),
                400,
                "malformed-request");
    }

    @Test
    void aBodyWithoutContentTypeOrWithAnEncodingIsRefused() throws Exception {
        String school = TestData.newSchool();
        String before = snapshot();
        String body = "{\"name\":\"X\",\"status\":\"OPEN\"}";
        String head = "PUT /api/v1/schools/" + school + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + Tokens.trustAdmin() + "\r\nContent-Length: " + body.length() + "\r\n";
        String noType = raw(head + "\r\n" + body);
        assertThat(noType).startsWith("HTTP/1.1 415").contains("application/problem+json");
        String octets = raw(head + "Content-Type: application/octet-stream\r\n\r\n" + body);
        assertThat(octets).startsWith("HTTP/1.1 415").contains("application/problem+json");
        String encoded = raw(head + "Content-Type: application/json\r\nContent-Encoding: br\r\n\r\n" + body);
        assertThat(encoded).startsWith("HTTP/1.1 415").contains("application/problem+json");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aForgedCursorIsRefusedBeforeItReachesSql() {
        String school = TestData.newSchool();
        java.util.function.Function<String, String> forge = raw ->
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        isProblem(
                Api.as(Tokens.hrSync())
                        .get("/api/v1/staff?cursor={c}", forge.apply("x' OR '1'='1"))
                        .then(),
                400,
                "malformed-request");
        isProblem(
                Api.as(Tokens.hrSync())
                        .get(
                                "/api/v1/staff?updatedSince=2020-01-01T00:00:00Z&cursor={c}",
                                forge.apply("not-a-time\u001fE1"))
                        .then(),
                400,
                "malformed-request");
        isProblem(
                Api.as(Tokens.head("H-CUR-" + school, school))
                        .get(
                                "/api/v1/schools/{urn}/family-declarations?cursor={c}",
                                school,
                                forge.apply("2020-01-01T00:00:00Z\u001fnot-a-uuid"))
                        .then(),
                400,
                "malformed-request");
    }

    @Test
    void aBadUuidInAPathIs422NamingTheParameterEverywhere() {
        String school = TestData.newSchool();
        String hrId = TestData.hrAdultAt(school);
        String staff = Tokens.staff(hrId, school);
        for (String path : java.util.List.of(
                "/api/v1/me/family-declarations/not-a-uuid",
                "/api/v1/me/family-declarations/1-1-1-1-1",
                "/api/v1/me/acknowledgements/not-a-uuid",
                "/api/v1/me/family-nil-returns/not-a-uuid",
                "/api/v1/social-accounts/not-a-uuid")) {
            isProblem(Api.as(staff).get(path).then(), 422, "validation-failed")
                    .body("errors.field", org.hamcrest.Matchers.hasItem("id"));
        }
        isProblem(
                        Api.as(Tokens.head("H-UUID-" + school, school))
                                .get("/api/v1/schools/{urn}/family-declarations/not-a-uuid", school)
                                .then(),
                        422,
                        "validation-failed")
                .body("errors.field", org.hamcrest.Matchers.hasItem("id"));
    }

    @Test
    void anUnknownStatusWithSpacesInAQueryIs422() {
        String school = TestData.newSchool();
        isProblem(
                Api.as(Tokens.trustAdmin())
                        .get("/api/v1/schools/{urn}/compliance?status= DUE", school)
                        .then(),
                422,
                "validation-failed");
    }

    private static String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[8192];
            long deadline = System.currentTimeMillis() + 5000;
            while (System.currentTimeMillis() < deadline) {
                int read;
                try {
                    read = socket.getInputStream().read(buffer);
                } catch (java.net.SocketException e) {
                    break;
                }
                if (read < 0) {
                    break;
                }
                answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                if (answer.indexOf("\r\n\r\n") > 0 && answer.toString().trim().endsWith("}")) {
                    break;
                }
            }
            return answer.toString();
        }
    }

    /**
     * The service's own limits on the request target and the header block sit below the decoder's: a request over them
     * is refused by the first filter with problem+json. Only beyond the decoder's higher limits, or for a request it
     * cannot parse at all, does Vert.x's HTTP/1 decoder answer first, with an empty body (Quarkus offers no hook to
     * its invalid-request handler, ADR 0002): the test pins those statuses and that no request reached the service.
     */
    @Test
    void whatTheServiceLimitsRefuseIsProblemJsonAndOnlyTheDecodersOwnRefusalsAreBare() throws Exception {
        String before = snapshot();
        assertThat(raw("GET /api/v1/schools/" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"))
                .matches("(?s)HTTP/1.[01] 414.*")
                .contains("application/problem+json")
                .contains("\"status\":414");
        assertThat(raw("GET /api/v1/schools HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(40_000) + "\r\n\r\n"))
                .matches("(?s)HTTP/1.[01] 431.*")
                .contains("application/problem+json")
                .contains("\"status\":431");
        // beyond the decoder's own limits (64 KiB request line, 128 KiB of headers): its bare answer
        assertThat(raw("GET /api/v1/schools/" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"))
                .matches("(?s)HTTP/1.[01] 414.*");
        assertThat(raw("GET /api/v1/schools HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(140_000) + "\r\n\r\n"))
                .matches("(?s)HTTP/1.[01] 431.*");
        // refused by the decoder itself: it never reaches authentication (which would answer 401)
        assertThat(raw("GET /api/v1/schools HTTP/1.1\r\nHost: localhost\r\nX-Ctl: a\u0001b\r\n\r\n"))
                .matches("(?s)HTTP/1.[01] 400.*");
        assertThat(snapshot()).isEqualTo(before);
    }
}
