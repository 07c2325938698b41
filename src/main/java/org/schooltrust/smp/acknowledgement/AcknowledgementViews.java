package org.schooltrust.smp.acknowledgement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The acknowledgement feature's responses, one nested record each (docs/architecture.md: DTOs). */
public final class AcknowledgementViews {

    private AcknowledgementViews() {}

    @Schema(
            name = "Acknowledgement",
            description = "An immutable record that an adult acknowledged a version at a school.")
    public record AcknowledgementView(
            @Schema(required = true) UUID id,
            @Schema(required = true) String policy,
            @Schema(required = true) String version,
            @Schema(required = true) String schoolUrn,

            @Schema(
                    description = "Revision of the school's local text this acknowledgement bound with the version;"
                            + " absent when the school had none.")
            Integer localTextRevision,

            @Schema(required = true, description = "SHA-256 of what was acknowledged: the school's document.")
            String bodySha256,

            @Schema(required = true) List<String> statements,
            @Schema(required = true) Instant acknowledgedAt,

            @Schema(description = "OAuth client the adult used (azp).")
            String clientId,

            String userAgent) {}

    @Schema(name = "Requirement", description = "What the adult must do for a policy at one school.")
    public record RequirementView(
            @Schema(required = true) String policy,

            @Schema(required = true, description = "The current published version.")
            String version,

            @Schema(required = true) String schoolUrn,
            @Schema(required = true) RequirementStatus status,

            @Schema(description = "The later of publication + days allowed and joining the school + joiner days.")
            LocalDate dueDate,

            @Schema(
                    description =
                            "When the acknowledgement that satisfies it was made (possibly of an earlier, carried-forward version).")
            Instant acknowledgedAt) {}
}
