package org.schooltrust.smp.declaration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.schooltrust.smp.common.validation.EnumValue;
import org.schooltrust.smp.common.validation.NotDotSegment;

/** Request bodies of the family-declaration endpoints. */
public final class DeclarationInputs {

    static final String URN = "\\d{6}";
    static final String PUPIL = "[A-Za-z0-9._-]{1,64}";
    static final String HR_ID = "[A-Za-z0-9._-]{1,64}";

    private DeclarationInputs() {}

    @Schema(name = "FamilyDeclarationInput")
    public record Declare(
            @NotNull
            @Pattern(regexp = URN, message = "must be a 6-digit URN")
            @Schema(required = true, description = "A school the adult currently works in.")
            String schoolUrn,

            @NotNull
            @NotDotSegment
            @Pattern(regexp = PUPIL, message = "must be the pupil's MIS id (1-64 letters, digits, '.', '_', '-')")
            @Schema(required = true, description = "The pupil's id in the school's MIS.")
            String pupilMisId,

            @NotBlank
            @Size(max = 200)
            @Schema(required = true, description = "Seen only by the adult and the Heads of the school.")
            String pupilName,

            @NotNull @EnumValue(of = Relationship.class) @Schema(required = true, implementation = Relationship.class)
            String relationship,

            @Size(max = 100) @Schema(description = "Required when `relationship` is `OTHER`.")
            String relationshipOther,

            @Size(max = 2000) @Schema(description = "Seen only by the adult and the Heads of the school.")
            String note) {}

    @Schema(name = "FamilyNilReturnInput")
    public record NilReturn(
            @NotNull @Pattern(regexp = URN, message = "must be a 6-digit URN") @Schema(required = true)
            String schoolUrn) {}

    @Schema(name = "DeclarationAnswer")
    public record Answer(
            @NotBlank @Size(max = 2000) @Schema(required = true)
            String answer) {}

    @Schema(name = "DeclarationAcknowledgement", description = "The Head's record (clause 6.8).")
    public record Acknowledge(
            @NotNull @PastOrPresent @Schema(required = true, description = "When the Head discussed it with the adult.")
            LocalDate discussedOn,

            @NotBlank
            @Size(max = 4000)
            @Schema(required = true, description = "What was agreed about contact with the pupil.")
            String agreedProtocols,

            @Size(max = 2000) String note) {}

    @Schema(name = "DeclarationReason")
    public record Reason(
            @NotBlank @Size(max = 2000) @Schema(required = true)
            String reason) {}

    @Schema(name = "DeclarationQuestion")
    public record Question(
            @NotBlank @Size(max = 2000) @Schema(required = true)
            String question) {}

    @Schema(name = "FamilyLinkPair")
    public record Pair(
            @NotNull @Pattern(regexp = HR_ID) @Schema(required = true)
            String staffHrId,

            @NotDotSegment @NotNull @Pattern(regexp = PUPIL) @Schema(required = true)
            String pupilMisId) {}

    @Schema(name = "FamilyLinkCheckRequest")
    public record Check(
            @NotNull @Size(min = 1, max = 1000) @Schema(required = true, maxItems = 1000)
            List<@NotNull @Valid Pair> pairs) {}
}
