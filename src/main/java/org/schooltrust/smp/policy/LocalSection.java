package org.schooltrust.smp.policy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A section of a Trust version each school completes with its own text (issue 27; ADR 0028): the school's contacts,
 * its own accounts, its local procedures. It sits in the document as clause {@code number}, after the Trust text.
 */
@Schema(
        name = "LocalSection",
        description = "A section each school completes with its own text; a required one must be published by the"
                + " school before the version is in force there.")
public record LocalSection(
        @NotNull
        @Pattern(regexp = KEY, message = "must be lower-case letters, digits and '-', starting with a letter")
        @Schema(required = true, examples = "contacts", pattern = KEY)
        String key,

        @NotNull
        @Pattern(regexp = "\\d{1,3}(\\.\\d{1,3}){0,3}", message = "must be a clause number such as 12")
        @Schema(
                required = true,
                description = "Its clause number in the school's document; not a number of the Trust text.",
                examples = "12")
        String number,

        @NotBlank @Size(max = 200) @Schema(required = true, examples = "Who to contact at this school")
        String title,

        @NotNull
        @Schema(required = true, description = "Whether the version is in force at a school only once it is completed.")
        Boolean required,

        @Size(max = 2000) @Schema(description = "What the Trust expects the school to write.")
        String guidance) {

    public static final String KEY = "^[a-z][a-z0-9-]{0,31}$";

    public boolean isRequired() {
        return Boolean.TRUE.equals(required);
    }
}
