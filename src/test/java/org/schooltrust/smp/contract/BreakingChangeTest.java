package org.schooltrust.smp.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Integrators code against the released contract: the current one may add, never break (no removed operation,
 * parameter, response field or enum value; no new required input). A deliberate break means a new major version.
 */
class BreakingChangeTest {

    private static final String RELEASED = "openapi/released/1.0.0.yaml";
    private static final String CURRENT = "openapi/openapi.yaml";

    @Test
    void currentContractIsBackwardCompatibleWithTheReleasedOne() {
        ChangedOpenApi diff = OpenApiCompare.fromLocations(RELEASED, CURRENT);
        assertThat(diff.isIncompatible())
                .as("openapi/openapi.yaml breaks clients of %s:%n%s", RELEASED, render(diff))
                .isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCheckNoticesARemovedOperation() throws java.io.IOException {
        java.util.Map<String, Object> spec =
                new org.yaml.snakeyaml.Yaml().load(java.nio.file.Files.readString(java.nio.file.Path.of(CURRENT)));
        ((java.util.Map<String, Object>) spec.get("paths")).remove("/api/v1/me");
        java.nio.file.Path broken = java.nio.file.Files.createTempFile("openapi-broken", ".yaml");
        java.nio.file.Files.writeString(broken, new org.yaml.snakeyaml.Yaml().dump(spec));
        assertThat(OpenApiCompare.fromLocations(RELEASED, broken.toString()).isIncompatible())
                .isTrue();
    }

    private static String render(ChangedOpenApi diff) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.OutputStreamWriter out =
                    new java.io.OutputStreamWriter(bytes, java.nio.charset.StandardCharsets.UTF_8)) {
                new MarkdownRender().render(diff, out);
            }
            return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (RuntimeException | java.io.IOException e) {
            return "(could not render the difference: " + e.getMessage() + ")";
        }
    }
}
