package org.schooltrust.smp.acknowledgement;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The acknowledgement feature's request bodies, one nested record each (docs/architecture.md: DTOs). */
public final class AcknowledgementInputs {

    private AcknowledgementInputs() {}

    @Schema(
            name = "AcknowledgementInput",
            description = "The adult confirms they have read the version they were shown.")
    public record AcknowledgementInput(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") @Schema(required = true, examples = "social-media")
            String policy,

            @NotNull @Pattern(regexp = "[0-9A-Za-z._-]{1,32}") @Schema(required = true, examples = "1.0")
            String version,

            @NotNull
            @Pattern(regexp = "\\d{6}", message = "must be a 6-digit URN")
            @Schema(required = true, examples = "100001")
            String schoolUrn,

            @NotNull
            @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be a hex SHA-256")
            @Schema(required = true, description = "SHA-256 of the body the adult was shown; must equal the version's.")
            String bodySha256,

            @NotNull
            @Size(max = 20)
            @Schema(
                    required = true,
                    description =
                            "Codes of the statements the adult accepts; every statement of the version is required.",
                    examples = "[\"READ_AND_UNDERSTOOD\", \"MONITORING_CONSENT\", \"PRIVACY_SETTINGS_REVIEWED\"]")
            List<@NotNull @Size(max = 64) String> statements) {}
}
