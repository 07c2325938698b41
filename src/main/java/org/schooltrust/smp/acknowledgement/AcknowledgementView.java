package org.schooltrust.smp.acknowledgement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Acknowledgement", description = "An immutable record that an adult acknowledged a version at a school.")
public record AcknowledgementView(
        @Schema(required = true) UUID id,
        @Schema(required = true) String policy,
        @Schema(required = true) String version,
        @Schema(required = true) String schoolUrn,
        @Schema(required = true) String bodySha256,
        @Schema(required = true) List<String> statements,
        @Schema(required = true) Instant acknowledgedAt,

        @Schema(description = "OAuth client the adult used (azp).")
        String clientId,

        String userAgent) {}
