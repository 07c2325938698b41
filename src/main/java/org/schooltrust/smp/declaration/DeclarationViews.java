package org.schooltrust.smp.declaration;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the family-declaration endpoints. */
public final class DeclarationViews {

    private DeclarationViews() {}

    @Schema(
            name = "FamilyDeclaration",
            description = "Full record, for the declarant and the Heads of the school only.")
    public record Full(
            @Schema(required = true) UUID id,
            @Schema(required = true) String schoolUrn,
            @Schema(required = true) String staffHrId,
            @Schema(required = true) String staffFirstName,
            @Schema(required = true) String staffLastName,
            @Schema(required = true) String pupilMisId,
            @Schema(required = true) String pupilName,
            @Schema(required = true) Relationship relationship,
            String relationshipOther,
            String note,
            @Schema(required = true) DeclarationStatus status,
            String infoQuestion,
            String infoAnswer,

            @Schema(description = "Who reviewed it (HR id of the Head, or token subject).")
            String reviewedBy,

            Instant reviewedAt,
            LocalDate discussedOn,
            String agreedProtocols,
            String headNote,
            Instant acknowledgedAt,
            String declineReason,
            EndReason endReason,
            String endNote,
            Instant endedAt,

            @Schema(description = "An acknowledged link must be re-confirmed by the adult by this date.")
            LocalDate reconfirmBy,

            Instant reconfirmedAt,
            @Schema(required = true) boolean reconfirmationOverdue,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt,
            @JsonIgnore @Schema(hidden = true) long version) {}

    @Schema(name = "FamilyNilReturn")
    public record NilReturnView(
            @Schema(required = true) UUID id,
            @Schema(required = true) String schoolUrn,
            @Schema(required = true) Instant declaredAt) {}

    @Schema(
            name = "FamilyLinkStatus",
            enumeration = {"ACKNOWLEDGED", "PENDING", "NONE"})
    public enum LinkStatus {
        ACKNOWLEDGED,
        PENDING,
        NONE
    }

    @Schema(name = "FamilyLinkCheckResult", description = "No pupil names, notes or protocols, ever.")
    public record CheckResult(
            @Schema(required = true) String staffHrId,
            @Schema(required = true) String pupilMisId,

            @Schema(
                    required = true,
                    description = "`PENDING`: declared, not yet acknowledged (submitted or information requested).")
            LinkStatus status,

            @Schema(description = "Only when `ACKNOWLEDGED`.")
            Relationship relationship) {}

    @Schema(name = "FamilyLinkCheckResponse")
    public record CheckResponse(
            @Schema(required = true, description = "One result per pair, in request order.")
            List<CheckResult> results) {}

    @Schema(
            name = "FamilyLinkChange",
            enumeration = {"ACKNOWLEDGED", "REMOVED"})
    public enum FeedStatus {
        ACKNOWLEDGED,
        REMOVED
    }

    @Schema(
            name = "FamilyLink",
            description = "An acknowledged link, or a tombstone (`REMOVED`) when it ended or was withdrawn.")
    public record Link(
            @Schema(required = true) UUID id,
            @Schema(required = true) String staffHrId,
            @Schema(required = true) String pupilMisId,

            @Schema(description = "Only when `ACKNOWLEDGED`.")
            Relationship relationship,

            @Schema(required = true) FeedStatus status,
            @Schema(required = true) Instant updatedAt) {}

    @Schema(name = "PupilLeftResult")
    public record PupilLeft(
            @Schema(required = true, description = "Active declarations ended now (0 on a repeat).")
            int ended) {}

    @Schema(
            name = "UnansweredAdult",
            description =
                    "An active adult of the school who has neither declared a relationship nor made a nil return.")
    public record Unanswered(
            @Schema(required = true) String hrId,
            @Schema(required = true) String firstName,
            @Schema(required = true) String lastName) {}

    @Schema(name = "DeclarationCounts")
    public record SchoolCounts(
            @Schema(required = true) String schoolUrn,
            @Schema(required = true) long submitted,
            @Schema(required = true) long infoRequested,
            @Schema(required = true) long acknowledged,
            @Schema(required = true) long declined,
            @Schema(required = true) long withdrawn,
            @Schema(required = true) long ended,
            @Schema(required = true) long nilReturns) {}
}
