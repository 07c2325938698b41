package org.schooltrust.smp.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.schooltrust.smp.common.validation.EnumValue;
import org.schooltrust.smp.common.validation.NotDotSegment;
import org.schooltrust.smp.staff.AdultCategory;

/** The policy feature's request bodies, one nested record each (docs/architecture.md: DTOs). */
public final class PolicyInputs {

    private PolicyInputs() {}

    @Schema(name = "PolicyInput")
    public record PolicyInput(
            @NotNull
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be lower-case letters, digits and '-'")
            @Schema(required = true, examples = "social-media")
            String slug,

            @NotBlank @Size(max = 200) @Schema(required = true, examples = "Social Media Policy")
            String title) {}

    @Schema(
            name = "PolicyVersionInput",
            description = "A draft version's content. The server computes the body's SHA-256.")
    public record VersionInput(
            @NotNull
            @NotDotSegment
            @Pattern(regexp = LABEL, message = "must be 1-32 letters, digits, '.', '_' or '-'")
            @Schema(required = true, examples = "1.1", pattern = LABEL)
            String label,

            @NotBlank @Size(max = 200_000) @Schema(required = true, description = "Markdown.")
            String body,

            @Size(max = 1000)
            @Schema(description = "Numbered clauses; when absent they are split from the body (lines such as `6.7 …`).")
            List<@NotNull @Valid Clause> clauses,

            @NotNull @Size(min = 1, max = 20) @Schema(required = true)
            List<@NotNull @Valid Statement> statements,

            @NotNull
            @Schema(
                    required = true,
                    description =
                            "Whether adults must acknowledge it again; a non-material version carries earlier acknowledgements forward.")
            Boolean material,

            @NotNull
            @Schema(required = true, description = "Applies to every school of the Trust; else only to `schoolUrns`.")
            Boolean allSchools,

            @Size(max = 500)
            List<@NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit URN") String> schoolUrns,

            @NotNull
            @Size(min = 1, max = 20)
            @Schema(
                    required = true,
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    implementation = AdultCategory.class,
                    description = "Categories of adult who must acknowledge it (clause 2.1).")
            List<@NotNull @EnumValue(of = AdultCategory.class) String> audience,

            @NotNull @Min(0) @Max(365) @Schema(required = true, description = "Days allowed after publication.")
            Integer dueDays,

            @NotNull
            @Min(0)
            @Max(365)
            @Schema(required = true, description = "Days allowed after an adult joins a school (clause 5.2).")
            Integer joinerDueDays,

            @Size(max = 20)
            @Schema(
                    description = "Sections each school completes with its own text (absent: none). A version with a"
                            + " required one is in force at a school only once that school has published its text.")
            List<@NotNull @Valid LocalSection> localSections) {

        public static final String LABEL = "^[0-9A-Za-z._-]{1,32}$";
    }
}
