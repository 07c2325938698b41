package org.schooltrust.smp.school;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.schooltrust.smp.common.validation.EnumValue;

/** The school feature's request bodies, one nested record each (docs/architecture.md: DTOs). */
public final class SchoolInputs {

    private SchoolInputs() {}

    @Schema(name = "SchoolInput", description = "A school's details; PUT replaces them.")
    public record SchoolInput(
            @NotBlank @Size(max = 200) @Schema(required = true, maxLength = 200, examples = "St James Primary Academy")
            String name,

            @NotNull @EnumValue(of = SchoolStatus.class) @Schema(required = true, ref = "SchoolStatus")
            String status) {}
}
