package org.schooltrust.smp.policy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.schooltrust.smp.policy.LocalText.SectionText;

/** What the API shows of, and takes for, a school's local text (issue 27). */
public final class LocalTextViews {

    private LocalTextViews() {}

    @Schema(name = "LocalSectionTextInput")
    public record SectionInput(
            @NotNull
            @Pattern(regexp = LocalSection.KEY, message = "must be the key of a section the version declares")
            @Schema(required = true, examples = "contacts")
            String key,

            @NotBlank @Size(max = 20_000) @Schema(required = true, description = "The school's text (Markdown).")
            String text) {}

    @Schema(name = "LocalTextInput", description = "A school's draft text for the local sections of a version.")
    public record LocalTextInput(
            @NotNull @Size(max = 20) @Schema(required = true)
            List<@NotNull SectionInput> sections,

            @NotNull
            @Schema(
                    required = true,
                    description = "Whether the school's adults must acknowledge again once it is published; the"
                            + " school's first text is always acknowledged with the version.")
            Boolean material) {}

    @Schema(name = "LocalSectionText")
    public record SectionView(
            @Schema(required = true) String key,
            @Schema(required = true) String text) {

        static SectionView of(SectionText s) {
            return new SectionView(s.key(), s.text());
        }
    }

    @Schema(name = "LocalText", description = "One revision of a school's text for a version's local sections.")
    public record LocalTextView(
            @Schema(required = true) String policy,
            @Schema(required = true) String version,
            @Schema(required = true) String schoolUrn,
            @Schema(required = true) int revision,
            @Schema(required = true) LocalTextStatus status,
            @Schema(required = true) List<SectionView> sections,
            @Schema(required = true) boolean material,

            @Schema(
                    required = true,
                    description = "SHA-256 of the school's document (the Trust body, then these sections): what an"
                            + " adult at the school quotes when acknowledging.")
            String bodySha256,

            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt,
            Instant publishedAt,
            Instant endedAt) {

        static LocalTextView of(PolicyVersion v, LocalText t) {
            return new LocalTextView(
                    v.policy().slug(),
                    v.label(),
                    t.schoolUrn(),
                    t.revision(),
                    t.status(),
                    t.sections().stream().map(SectionView::of).toList(),
                    t.material(),
                    t.bodySha256(),
                    t.createdAt(),
                    t.updatedAt(),
                    t.publishedAt(),
                    t.endedAt());
        }
    }

    @Schema(
            name = "SchoolPolicyText",
            description = "What an adult at one school reads and acknowledges: the Trust text, then the school's local"
                    + " sections.")
    public record SchoolTextView(
            @Schema(required = true) String policy,
            @Schema(required = true) String version,
            @Schema(required = true) String schoolUrn,

            @Schema(
                    required = true,
                    description = "False while a required local section is not published by the school: its adults"
                            + " are not asked to acknowledge yet.")
            boolean inForce,

            @Schema(required = true, description = "Keys of required local sections the school has not published.")
            List<String> awaitingSections,

            @Schema(required = true, description = "Markdown: the Trust body, then each local section as its clause.")
            String body,

            @Schema(required = true, description = "SHA-256 of `body`; an acknowledgement at this school quotes it.")
            String bodySha256,

            @Schema(required = true) List<Clause> clauses,
            @Schema(required = true) List<Statement> statements,

            @Schema(description = "Revision of the school's published local text; absent when it has none.")
            Integer localTextRevision,

            Instant localTextPublishedAt) {}
}
