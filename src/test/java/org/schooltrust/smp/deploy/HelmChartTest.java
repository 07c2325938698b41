package org.schooltrust.smp.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Lints and renders the Helm chart in helm/smp-api with the Helm library that helm-java embeds (no helm binary or
 * cluster needed). Paths are relative to the project root, where Maven runs the tests.
 */
class HelmChartTest {

    private static final Path CHART = Paths.get("helm", "smp-api");
    private static final Path CI_VALUES = CHART.resolve("ci").resolve("test-values.yaml");
    private static final String RELEASE = "smp-api";
    private static final String NAMESPACE = "trust";

    @Test
    void lintsStrictly(@TempDir Path tmp) throws IOException {
        // As shipped: the REQUIRED values are empty (Helm's lint mode reports them at INFO level only).
        assertLintClean(new Helm(CHART).lint().strict().call());

        // helm-java's LintCommand takes no values, so lint a copy whose values.yaml has ci/test-values.yaml
        // merged in: this lints the templates exactly as they render for a real installation.
        Path chartWithValues = copyChart(tmp.resolve("smp-api"));
        Map<String, Object> merged = deepMerge(loadYaml(CHART.resolve("values.yaml")), loadYaml(CI_VALUES));
        try (Writer writer = Files.newBufferedWriter(chartWithValues.resolve("values.yaml"), StandardCharsets.UTF_8)) {
            new Yaml().dump(merged, writer);
        }
        assertLintClean(new Helm(chartWithValues).lint().strict().call());
    }

    @Test
    void rendersWithNonDefaultValues() {
        String rendered = template()
                .set("replicaCount", 3)
                .set("autoscaling.enabled", false)
                .set("image.tag", "9.9.9")
                .set("database.jdbcUrl", "jdbc:postgresql://db.internal:5432/smp")
                .set("database.existingSecret", "smp-db")
                .set("oidc.authServerUrl", "https://login.example/realms/trust")
                .set("oidc.rolesClaimPath", "roles")
                .set("oidc.schoolsClaim", "extension_schools")
                .set("oidc.existingSecret", "smp-oidc")
                .set("mail.host", "smtp.trust.example")
                .set("mail.existingSecret", "smp-mail")
                .set("audit.checkpointKeySecret", "smp-audit")
                .set("reminders.portalUrl", "https://portal.trust.example")
                .set("extraEnv[0].name", "TZ")
                .set("extraEnv[0].value", "Europe/London")
                .call();

        assertThat(rendered)
                .contains("replicas: 3")
                .contains("ghcr.io/schooltrust/smp-api:9.9.9")
                .contains("path: /q/health/live")
                .contains("path: /q/health/ready")
                .contains("path: /q/health/started")
                .contains("readOnlyRootFilesystem: true")
                .contains("runAsNonRoot: true")
                .contains("name: \"smp-db\"")
                .contains("QUARKUS_DATASOURCE_JDBC_URL: \"jdbc:postgresql://db.internal:5432/smp\"")
                .contains("QUARKUS_OIDC_AUTH_SERVER_URL: \"https://login.example/realms/trust\"")
                .contains("QUARKUS_OIDC_ROLES_ROLE_CLAIM_PATH: \"roles\"")
                .contains("SMP_SECURITY_SCHOOLS_CLAIM: \"extension_schools\"")
                .contains("kind: PodDisruptionBudget")
                .doesNotContain("kind: HorizontalPodAutoscaler");

        List<Map<String, Object>> docs = parse(rendered);
        assertThat(ofKind(docs, "HorizontalPodAutoscaler")).isEmpty();
        assertThat(ofKind(docs, "PodDisruptionBudget")).hasSize(1);

        Map<String, Object> deployment = single(docs, "Deployment");
        assertThat(map(deployment, "spec").get("replicas")).isEqualTo(3);
        Map<String, Object> container = container(deployment);
        assertThat(container.get("image")).isEqualTo("ghcr.io/schooltrust/smp-api:9.9.9");
        assertThat(map(container, "securityContext"))
                .containsEntry("readOnlyRootFilesystem", true)
                .containsEntry("allowPrivilegeEscalation", false);
        assertThat(map(map(container, "livenessProbe"), "httpGet")).containsEntry("path", "/q/health/live");
        assertThat(map(map(container, "readinessProbe"), "httpGet")).containsEntry("path", "/q/health/ready");
        assertThat(map(map(container, "startupProbe"), "httpGet")).containsEntry("path", "/q/health/started");
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertThat(map(map(container, probe), "httpGet"))
                    .as("probes use the management interface")
                    .containsEntry("port", "management");
        }

        Map<String, Map<String, Object>> env = env(container);
        assertThat(secretKeyRef(env, "QUARKUS_DATASOURCE_USERNAME"))
                .containsEntry("name", "smp-db")
                .containsEntry("key", "username");
        assertThat(secretKeyRef(env, "QUARKUS_DATASOURCE_PASSWORD"))
                .containsEntry("name", "smp-db")
                .containsEntry("key", "password");
        assertThat(secretKeyRef(env, "QUARKUS_OIDC_CREDENTIALS_SECRET"))
                .containsEntry("name", "smp-oidc")
                .containsEntry("key", "client-secret");
        assertThat(env.get("TZ")).containsEntry("value", "Europe/London");
        assertThat(secretKeyRef(env, "SMP_AUDIT_CHECKPOINT_KEY"))
                .containsEntry("name", "smp-audit")
                .containsEntry("key", "checkpoint-key");
        assertThat(secretKeyRef(env, "SMP_MAIL_PASSWORD"))
                .containsEntry("name", "smp-mail")
                .containsEntry("key", "password");

        Map<String, Object> configMapData = map(single(docs, "ConfigMap"), "data");
        assertThat(configMapData)
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db.internal:5432/smp")
                .containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", "https://login.example/realms/trust")
                .containsEntry("QUARKUS_OIDC_TOKEN_AUDIENCE", "trust-api")
                .containsEntry("QUARKUS_OIDC_ROLES_ROLE_CLAIM_PATH", "roles")
                .containsEntry("SMP_SECURITY_SCHOOLS_CLAIM", "extension_schools")
                .containsEntry("SMP_SECURITY_STAFF_ID_CLAIM", "employee_id")
                .containsEntry("SMP_SECURITY_STAFF_ID_FALLBACK_CLAIM", "email")
                .containsEntry("SMP_DB_POOL_MAX", "16")
                .containsEntry("QUARKUS_MANAGEMENT_PORT", "9000")
                .containsEntry("SMP_MAIL_HOST", "smtp.trust.example")
                .containsEntry("SMP_MAIL_PORT", "587")
                .containsEntry("SMP_PORTAL_URL", "https://portal.trust.example")
                .doesNotContainKeys("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "SMP_MAIL_PASSWORD");
    }

    /** Issue 15: the pod runs in 512 Mi, the heap sized from that limit (the benchmark runs with the same flags). */
    @Test
    void theContainerFitsIn512MiWithTheHeapSizedFromTheLimit() {
        Map<String, Object> container =
                container(single(parse(template().withValuesFile(CI_VALUES).call()), "Deployment"));
        assertThat(map(map(container, "resources"), "limits")).containsEntry("memory", "512Mi");
        assertThat(env(container).get("JAVA_OPTS_APPEND").get("value"))
                .asString()
                .contains("-XX:MaxRAMPercentage=50")
                .contains("-XX:+UseSerialGC");
        assertThat(env(container).get("MALLOC_ARENA_MAX")).containsEntry("value", "2");
    }

    @Test
    void defaultsRenderHpaAndTwoReplicasMinimum() throws java.io.IOException {
        String rendered = template().withValuesFile(CI_VALUES).call();
        List<Map<String, Object>> docs = parse(rendered);

        Map<String, Object> hpaSpec = map(single(docs, "HorizontalPodAutoscaler"), "spec");
        assertThat(hpaSpec).containsEntry("minReplicas", 2).containsEntry("maxReplicas", 6);
        assertThat(map(hpaSpec, "scaleTargetRef")).containsEntry("kind", "Deployment");
        assertThat(rendered).contains("averageUtilization: 70");

        assertThat(map(single(docs, "PodDisruptionBudget"), "spec")).containsEntry("minAvailable", 1);

        Map<String, Object> deployment = single(docs, "Deployment");
        // The HPA owns the replica count: the Deployment must not fight it.
        assertThat(map(deployment, "spec")).doesNotContainKey("replicas");
        Map<String, Object> podTemplate = map(map(deployment, "spec"), "template");
        assertThat(map(map(podTemplate, "metadata"), "annotations"))
                .containsKey("checksum/config")
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/path", "/q/metrics")
                .containsEntry("prometheus.io/port", "9000");
        assertThat(map(map(podTemplate, "spec"), "securityContext"))
                .containsEntry("runAsNonRoot", true)
                .containsEntry("runAsUser", 1001)
                .containsEntry("runAsGroup", 0)
                .containsEntry("fsGroup", 1001);

        Map<String, Object> container = container(deployment);
        assertThat(container.get("image")).isEqualTo("ghcr.io/schooltrust/smp-api:1.0.0");
        // issue 26: that default is the image ./mvnw package -Pimage builds — its name, the chart's appVersion as tag,
        // and the image's own user (uid 1001, group 0)
        String build = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/image/build.sh"));
        assertThat(build)
                .contains("IMAGE_NAME=\"${IMAGE_NAME:-ghcr.io/schooltrust/smp-api}\"")
                .contains("helm/smp-api/Chart.yaml")
                .contains("APP_UID=1001")
                .contains("--config.user \"$APP_UID:0\"");
        assertThat(env(container)).doesNotContainKey("QUARKUS_OIDC_CREDENTIALS_SECRET");
        assertThat(map(single(docs, "ConfigMap"), "data")).doesNotContainKey("QUARKUS_OIDC_ROLES_ROLE_CLAIM_PATH");

        Map<String, Object> serviceSpec = map(single(docs, "Service"), "spec");
        assertThat(serviceSpec).containsEntry("type", "ClusterIP");
        assertThat(list(serviceSpec, "ports"))
                .singleElement()
                .satisfies(port ->
                        assertThat(asMap(port)).containsEntry("port", 80).containsEntry("targetPort", "http"));
    }

    @Test
    void singlePodReleaseRendersNoPdbThatWouldBlockDrains() {
        String rendered = template()
                .withValuesFile(CI_VALUES)
                .set("autoscaling.enabled", false)
                .set("replicaCount", 1)
                .set("metrics.podAnnotations", false)
                .call();
        List<Map<String, Object>> docs = parse(rendered);

        assertThat(ofKind(docs, "PodDisruptionBudget")).isEmpty();
        assertThat(ofKind(docs, "HorizontalPodAutoscaler")).isEmpty();
        Map<String, Object> deployment = single(docs, "Deployment");
        assertThat(map(deployment, "spec")).containsEntry("replicas", 1);
        assertThat(map(map(map(deployment, "spec"), "template"), "metadata"))
                .extractingByKey("annotations")
                .satisfies(annotations -> assertThat(asMap(annotations))
                        .containsKey("checksum/config")
                        .doesNotContainKeys("prometheus.io/scrape", "prometheus.io/path", "prometheus.io/port"));
    }

    @Test
    void missingRequiredValueFailsWithClearMessage() {
        assertThatThrownBy(() -> template()
                        .set("database.existingSecret", "smp-db")
                        .set("oidc.authServerUrl", "https://login.example/realms/trust")
                        .call())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("database.jdbcUrl is required");
    }

    @Test
    void tmpHoldsTheUploadsInProgressOrTheChartRefusesToRender() {
        String rendered = template().withValuesFile(CI_VALUES).call();
        assertThat(rendered)
                .contains("SMP_HTTP_MAX_CONCURRENT_UPLOADS: \"4\"")
                .contains("SMP_HTTP_MAX_UPLOAD_SIZE: \"11M\"");
        assertThat(template()
                        .withValuesFile(CI_VALUES)
                        .set("safeguarding.trustLeads", "E9001")
                        .call())
                .contains("SMP_SAFEGUARDING_TRUST_LEADS: \"E9001\"");
        assertThatThrownBy(() -> template()
                        .withValuesFile(CI_VALUES)
                        .set("uploads.maxConcurrent", "30")
                        .call())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tmpVolume.sizeLimit");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"database.jdbcUrl", "database.existingSecret", "oidc.authServerUrl", "audit.checkpointKeySecret"
            })
    void everyRequiredValueIsEnforced(String key) {
        assertThatThrownBy(
                        () -> template().withValuesFile(CI_VALUES).set(key, "").call())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(key + " is required");
    }

    @Test
    void withoutACheckpointKeyTheChartRendersOnlyWhenToldToRunUnanchored() {
        assertThatThrownBy(() -> template()
                        .withValuesFile(CI_VALUES)
                        .set("audit.checkpointKeySecret", "")
                        .call())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("audit.unanchored=true");
        assertThat(template()
                        .withValuesFile(CI_VALUES)
                        .set("audit.checkpointKeySecret", "")
                        .set("audit.unanchored", true)
                        .call())
                .doesNotContain("SMP_AUDIT_CHECKPOINT_KEY");
        assertThat(template().withValuesFile(CI_VALUES).call()).contains("SMP_AUDIT_CHECKPOINT_KEY");
    }

    @Test
    void aMigrationSecretRunsTheMigrationsAsTheSchemasOwner() {
        assertThat(template().withValuesFile(CI_VALUES).call()).doesNotContain("QUARKUS_FLYWAY_USERNAME");
        assertThat(template()
                        .withValuesFile(CI_VALUES)
                        .set("database.migrationSecret", "smp-db-owner")
                        .call())
                .contains("QUARKUS_FLYWAY_USERNAME")
                .contains("QUARKUS_FLYWAY_PASSWORD")
                .contains("smp-db-owner");
    }

    private static TemplateCommand template() {
        return new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE);
    }

    private static void assertLintClean(LintResult result) {
        String messages = String.join(System.lineSeparator(), result.getMessages());
        assertThat(result.isFailed())
                .as("helm lint --strict failed:%n%s", messages)
                .isFalse();
        assertThat(result.getMessages())
                .as("helm lint --strict messages")
                .noneMatch(message -> message.contains("[ERROR]") || message.contains("[WARNING]"));
    }

    private static Path copyChart(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path source : files.collect(Collectors.toList())) {
                Path destination = target.resolve(CHART.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination);
                }
            }
        }
        return target;
    }

    private static Map<String, Object> loadYaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> loaded = new Yaml().load(reader);
            return loaded == null ? new LinkedHashMap<>() : loaded;
        }
    }

    private static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        overrides.forEach((key, value) -> {
            Object current = merged.get(key);
            if (current instanceof Map && value instanceof Map) {
                merged.put(key, deepMerge(asMap(current), asMap(value)));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static List<Map<String, Object>> parse(String rendered) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(rendered)) {
            if (doc != null) {
                docs.add(asMap(doc));
            }
        }
        return docs;
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(doc -> kind.equals(doc.get("kind"))).collect(Collectors.toList());
    }

    private static Map<String, Object> single(List<Map<String, Object>> docs, String kind) {
        List<Map<String, Object>> matches = ofKind(docs, kind);
        assertThat(matches).as("rendered %s documents", kind).hasSize(1);
        return matches.get(0);
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        List<Object> containers = list(map(map(map(deployment, "spec"), "template"), "spec"), "containers");
        assertThat(containers).hasSize(1);
        return asMap(containers.get(0));
    }

    /** The container's env entries by name. */
    private static Map<String, Map<String, Object>> env(Map<String, Object> container) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (Object entry : list(container, "env")) {
            Map<String, Object> variable = asMap(entry);
            byName.put((String) variable.get("name"), variable);
        }
        return byName;
    }

    private static Map<String, Object> secretKeyRef(Map<String, Map<String, Object>> env, String name) {
        assertThat(env).as("env of the API container").containsKey(name);
        return map(map(env.get(name), "valueFrom"), "secretKeyRef");
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).as("YAML mapping").containsKey(key);
        return asMap(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> parent, String key) {
        assertThat(parent.get(key)).as("YAML sequence %s", key).isInstanceOf(List.class);
        return (List<Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        assertThat(value).as("YAML mapping").isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
