package org.schooltrust.smp.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.ApiTest;

/** Health and metrics live on the management interface, never on the API port, and metrics carry no ids. */
@ApiTest
class ManagementInterfaceTest {

    private static String management(String path) {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return "http://localhost:" + port + path;
    }

    @Test
    void healthAndMetricsAreNotOnTheApiPort() {
        given().get("/q/metrics").then().statusCode(404).contentType("application/problem+json");
        given().get("/q/health/ready").then().statusCode(404);
        given().get(management("/q/health/ready")).then().statusCode(200);
        given().get(management("/q/health/live")).then().statusCode(200);
    }

    @Test
    void idsFromRefusedRequestsNeverBecomeMetricLabels() {
        given().get("/api/v1/staff/SECRET-HR-ID-4711").then().statusCode(401);
        given().get("/api/v1/no-such/SECRET-PATH-4712").then().statusCode(404);
        String metrics = given().get(management("/q/metrics"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(metrics).contains("http_server_requests");
        assertThat(metrics).doesNotContain("SECRET-HR-ID-4711").doesNotContain("SECRET-PATH-4712");
    }
}
