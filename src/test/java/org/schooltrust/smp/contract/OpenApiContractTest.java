package org.schooltrust.smp.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.ApiTest;
import org.yaml.snakeyaml.Yaml;

/** The checked-in contract is what the server generates, and every operation is fully documented. */
@ApiTest
class OpenApiContractTest {

    private static final Path CHECKED_IN = Path.of("openapi/openapi.yaml");
    private static final java.util.Set<String> METHODS =
            java.util.Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Path GENERATED = Path.of("target/openapi/openapi.yaml");

    @Test
    void checkedInContractEqualsTheGeneratedOne() throws IOException {
        String served = given().accept("application/yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(Files.exists(GENERATED)).as("the build writes %s", GENERATED).isTrue();
        String generated = Files.readString(GENERATED);
        assertThat((Object) new Yaml().load(served))
                .as("the served /q/openapi document")
                .isEqualTo(new Yaml().load(generated));
        assertThat(Files.exists(CHECKED_IN) ? Files.readString(CHECKED_IN) : "")
                .as("openapi/openapi.yaml has drifted from the server. Review the change, then refresh it with:"
                        + " cp target/openapi/openapi.yaml openapi/openapi.yaml")
                .isEqualTo(generated);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsDescribedTaggedSecuredAndHasProblemErrors() throws IOException {
        Map<String, Object> spec = new Yaml().load(Files.readString(GENERATED));
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
        assertThat(paths).isNotEmpty();
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!METHODS.contains(method)) {
                return; // path-level parameters
            }
            Map<String, Object> operation = (Map<String, Object>) value;
            String name = method.toUpperCase() + " " + path;
            assertThat((String) operation.get("summary")).as(name + " summary").isNotBlank();
            assertThat((String) operation.get("description"))
                    .as(name + " description")
                    .isNotBlank();
            assertThat((List<String>) operation.get("tags")).as(name + " tags").isNotEmpty();
            assertThat((String) operation.get("operationId"))
                    .as(name + " operationId")
                    .isNotBlank();
            assertThat((List<Object>) operation.get("security"))
                    .as(name + " security")
                    .isNotEmpty();
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            assertThat(responses).as(name + " responses").containsKeys("401", "403", "406", "500");
            responses.forEach((code, response) -> {
                if (code.startsWith("2") && !code.equals("204")) {
                    assertThat(response.get("content"))
                            .as(name + " " + code + " body")
                            .isNotNull();
                }
                Map<String, Map<String, Object>> headers = (Map<String, Map<String, Object>>) response.get("headers");
                if (headers != null) {
                    headers.forEach((header, definition) -> assertThat(definition)
                            .as(name + " " + code + " header " + header)
                            .containsKey("schema"));
                }
                if (code.startsWith("4") || code.startsWith("5")) {
                    Map<String, Object> content = (Map<String, Object>) response.get("content");
                    // the SCIM adapter answers SCIM's error body, every other path the problem document (ADR 0025)
                    boolean scim = path.startsWith("/scim/v2/") || path.equals("/scim/v2");
                    assertThat(content)
                            .as(name + " " + code + " content")
                            .containsOnlyKeys(scim ? "application/scim+json" : "application/problem+json");
                    assertThat(content.toString())
                            .as(name + " " + code)
                            .contains(scim ? "#/components/schemas/ScimError" : "#/components/schemas/Problem");
                }
            });
        }));
    }
}
