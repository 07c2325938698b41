package org.schooltrust.smp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 26: when the suite runs the image ({@code -De2e.app.image=target/image/rootfs}, as {@code .ci/run} does), the
 * app is the image's entrypoint — its own Java runtime, its AOT cache, uid 1001 in group 0, configured by environment
 * variables only — and it answers an authenticated call with a token from the realm.
 */
@EndToEnd
class ImageIT {

    private final TrustApi api;

    ImageIT(TrustApi api) {
        this.api = api;
    }

    @Test
    void theImageRunsAsItsNonRootUserWithItsOwnRuntimeAndAotCache() throws Exception {
        assumeTrue(!System.getProperty("e2e.app.image", "").isBlank(), "the suite runs the jar, not the image");
        api.as(api.hrSync()).get("/api/v1/staff").then().statusCode(200);

        long pid = api.app().pid();
        List<String> status = Files.readAllLines(Path.of("/proc/" + pid + "/status"));
        assertThat(status).anyMatch(line -> line.matches("Uid:\\s+1001\\s+1001\\s+1001\\s+1001"));
        assertThat(status).anyMatch(line -> line.matches("Gid:\\s+0\\s+0\\s+0\\s+0"));
        assertThat(Files.readSymbolicLink(Path.of("/proc/" + pid + "/exe")).toString())
                .as("the image's jlinked runtime, seen from outside the chroot")
                .endsWith("/opt/java/bin/java");
        String cmdline = Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
        assertThat(cmdline).contains("-XX:AOTCache=/deployments/app.aot");
        assertThat(Files.readString(api.app().process().log()))
                .as("the AOT cache was trained with this runtime and these flags, so the JVM maps it")
                .doesNotContain("][aot]")
                .contains("started in");
    }
}
