package org.schooltrust.smp.acknowledgement;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
