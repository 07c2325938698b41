package org.schooltrust.smp.policy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Clause", description = "One numbered clause of a policy version, addressable as e.g. `6.7`.")
public record Clause(
        @NotNull
        @Pattern(regexp = "\\d{1,3}(\\.\\d{1,3}){0,3}", message = "must be a clause number such as 6.7")
        @Schema(required = true, examples = "6.7")
        String number,

        @Size(max = 200)
        @Schema(
                description = "Heading of the section the clause belongs to.",
                examples = "Responsibilities when using social media")
        String heading,

        @NotBlank @Size(max = 20_000) @Schema(required = true)
        String text) {}
