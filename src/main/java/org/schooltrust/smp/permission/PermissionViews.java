package org.schooltrust.smp.permission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Express permissions' responses (docs/architecture.md: DTOs). */
public final class PermissionViews {

    private PermissionViews() {}

    @Schema(name = "Permission", description = "The Head's express permission (clause 6.5).")
    public record PermissionView(
            @Schema(required = true) UUID id,
            @Schema(required = true) String schoolUrn,
            @Schema(required = true) String staffHrId,
            @Schema(required = true) String purpose,
            @Schema(required = true) String channel,
            @Schema(required = true) LocalDate validFrom,
            @Schema(required = true) LocalDate validTo,
            @Schema(required = true) PermissionStatus status,

            @Schema(required = true, description = "HR id of the Head who granted it.")
            String grantedByHrId,

            @Schema(required = true) Instant grantedAt,
            Instant revokedAt) {}

    @Schema(name = "PermissionCheck", description = "Granted or not granted; nothing else.")
    public record PermissionCheck(@Schema(required = true) boolean granted) {}
}
