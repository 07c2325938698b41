package org.schooltrust.smp.socialaccount;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The public page's settings as the API returns them (issue 28). */
public final class PublicPageViews {

    private PublicPageViews() {}

    @Schema(
            name = "PublicPageSettings",
            description = "What the school's public page says beside its register entries.")
    public record SettingsView(
            @Schema(required = true, examples = "100001") String schoolUrn,
            @Schema(required = true) List<Platform> platformsNotUsed,
            String neverContact,
            String monitoringHours,
            String reportContact,
            String runBy,

            @Schema(
                    required = true,
                    description = "The public page's address, to link from the school's own website.",
                    examples = "https://smp.example/public/social-media/100001")
            String pageUrl,

            @Schema(description = "Last change; absent while the defaults apply.")
            Instant updatedAt) {

        static SettingsView of(PublicPageSettings s, String pageUrl) {
            return new SettingsView(
                    s.schoolUrn(),
                    s.platformsNotUsed().stream().sorted().toList(),
                    s.neverContact(),
                    s.monitoringHours(),
                    s.reportContact(),
                    s.runBy(),
                    pageUrl,
                    s.updatedAt());
        }
    }
}
