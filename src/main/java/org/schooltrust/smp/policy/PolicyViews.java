package org.schooltrust.smp.policy;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the API shows of policies and versions. */
public final class PolicyViews {

    private PolicyViews() {}

    @Schema(name = "Policy")
    public record PolicyView(
            @Schema(required = true) String slug,
            @Schema(required = true) String title,

            @Schema(description = "Label of the current published version; absent when none is published.")
            String currentVersion,

            @Schema(required = true) Instant createdAt) {}

    @Schema(name = "PolicyVersionSummary")
    public record VersionSummary(
            @Schema(required = true) String label,
            @Schema(required = true) VersionStatus status,
            @Schema(required = true) boolean material,
            @Schema(required = true) String bodySha256,
            Instant publishedAt,
            Instant endedAt) {

        static VersionSummary of(PolicyVersion v) {
            return new VersionSummary(
                    v.label(), v.status(), v.material(), v.bodySha256(), v.publishedAt(), v.endedAt());
        }
    }

    @Schema(name = "PolicyVersion")
    public record VersionView(
            @Schema(required = true) String policy,
            @Schema(required = true) String label,
            @Schema(required = true) VersionStatus status,

            @Schema(required = true, description = "Markdown.")
            String body,

            @Schema(required = true, description = "SHA-256 (hex) of the UTF-8 body; an acknowledgement must quote it.")
            String bodySha256,

            @Schema(required = true) List<Clause> clauses,
            @Schema(required = true) List<Statement> statements,
            @Schema(required = true) boolean material,
            @Schema(required = true) boolean allSchools,
            @Schema(required = true) List<String> schoolUrns,
            @Schema(required = true) List<String> audience,
            @Schema(required = true) int dueDays,
            @Schema(required = true) int joinerDueDays,

            @Schema(required = true, description = "Sections each school completes with its own text.")
            List<LocalSection> localSections,

            Instant publishedAt,
            Instant endedAt,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt) {

        static VersionView of(PolicyVersion v) {
            return new VersionView(
                    v.policy().slug(),
                    v.label(),
                    v.status(),
                    v.body(),
                    v.bodySha256(),
                    v.clauses(),
                    v.statements(),
                    v.material(),
                    v.allSchools(),
                    v.schoolUrns(),
                    v.audience(),
                    v.dueDays(),
                    v.joinerDueDays(),
                    v.localSections(),
                    v.publishedAt(),
                    v.endedAt(),
                    v.createdAt(),
                    v.updatedAt());
        }
    }
}
