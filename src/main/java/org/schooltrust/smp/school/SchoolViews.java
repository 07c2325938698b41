package org.schooltrust.smp.school;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The school feature's responses, one nested record each (docs/architecture.md: DTOs). */
public final class SchoolViews {

    private SchoolViews() {}

    @Schema(name = "School")
    public record SchoolView(
            @Schema(description = "6-digit DfE Unique Reference Number.", examples = "100001", required = true)
            String urn,

            @Schema(required = true) String name,
            @Schema(required = true) SchoolStatus status,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt) {

        static SchoolView of(School school) {
            return new SchoolView(school.urn(), school.name(), school.status(), school.createdAt(), school.updatedAt());
        }
    }
}
