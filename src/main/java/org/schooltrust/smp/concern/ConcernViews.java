package org.schooltrust.smp.concern;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The concern feature's response bodies (docs/architecture.md: DTOs). */
public final class ConcernViews {

    private ConcernViews() {}

    @Schema(
            name = "ImpersonationCheck",
            description =
                    "For an IMPERSONATION concern: what the reported URL is, and whether it is the school's own official account.")
    public record ImpersonationView(
            @Schema(description = "The platform the URL canonicalises to.")
            String canonicalPlatform,

            @Schema(description = "The canonical handle, to report to the platform.")
            String canonicalHandle,

            @Schema(required = true, description = "True: the URL is an official account on the register.")
            boolean officialAccount,

            @Schema(description = "The register account it is, when it is one.")
            UUID officialAccountId,

            @Schema(required = true) String message) {}

    @Schema(
            name = "ConcernEvidence",
            description = "A file kept as evidence: never changed or deleted (clauses 9.2, 9.4).")
    public record EvidenceView(
            @Schema(required = true) UUID id,
            @Schema(required = true) String fileName,

            @Schema(
                    required = true,
                    enumeration = {"image/png", "image/jpeg", "application/pdf", "text/plain"})
            String mediaType,

            @Schema(required = true) long sizeBytes,

            @Schema(required = true, description = "SHA-256 of the bytes, hex.")
            String sha256,

            @Schema(required = true) Instant uploadedAt) {}

    @Schema(name = "ConcernTimelineEntry", description = "One step of the handling: append-only.")
    public record TimelineView(
            @Schema(required = true) UUID id,

            @Schema(
                    required = true,
                    enumeration = {"ACKNOWLEDGED", "NOTE", "ACTION", "CLOSED"})
            String entry,

            @Schema(implementation = ConcernAction.class) String action,
            String text,

            @Schema(description = "HR id of the Head or DSL.")
            String actorHrId,

            @Schema(required = true) Instant at) {}

    @Schema(
            name = "MyConcern",
            description = "A concern as its reporter sees it: status and own evidence, never the handling notes.")
    public record MyConcernView(
            @Schema(required = true) UUID id,
            @Schema(required = true) String schoolUrn,
            @Schema(required = true) ConcernCategory category,
            @Schema(required = true) boolean urgent,
            @Schema(required = true) ConcernStatus status,
            @Schema(required = true) Instant occurredAt,
            String platform,
            String locationUrl,
            @Schema(required = true) String description,
            String aboutPupilMisId,
            String aboutStaffHrId,
            UUID aboutSocialAccountId,
            ImpersonationView impersonation,
            @Schema(required = true) Instant raisedAt,
            @Schema(required = true) List<EvidenceView> evidence,

            @Schema(required = true) ConcernRoute route) {}

    @Schema(name = "ConcernSummary", description = "A concern in a Head's or DSL's list.")
    public record ConcernListItem(
            @Schema(required = true) UUID id,
            @Schema(required = true) String schoolUrn,
            @Schema(required = true) ConcernCategory category,
            @Schema(required = true) boolean urgent,
            @Schema(required = true) ConcernStatus status,
            @Schema(required = true) Instant occurredAt,
            @Schema(required = true) Instant raisedAt,

            @Schema(required = true) ConcernRoute route) {}

    @Schema(name = "Concern", description = "A concern as a Head or DSL handles it.")
    public record ConcernView(
            @Schema(required = true) UUID id,
            @Schema(required = true) String schoolUrn,
            @Schema(required = true) ConcernCategory category,
            @Schema(required = true) boolean urgent,
            @Schema(required = true) ConcernStatus status,
            ConcernOutcome outcome,
            @Schema(required = true) Instant occurredAt,
            String platform,
            String locationUrl,
            @Schema(required = true) String description,
            String aboutPupilMisId,
            String aboutStaffHrId,
            UUID aboutSocialAccountId,
            ImpersonationView impersonation,

            @Schema(required = true, description = "HR id of the adult who raised it.")
            String reporterHrId,

            @Schema(required = true, description = "Schools whose Heads and DSLs handle it.")
            List<String> handlingSchools,

            @Schema(required = true) Instant raisedAt,
            Instant closedAt,
            @Schema(required = true) List<EvidenceView> evidence,
            @Schema(required = true) List<TimelineView> timeline,

            @Schema(required = true) ConcernRoute route) {}

    @Schema(name = "ConcernCount", description = "How many concerns of one category a school has: counts only.")
    public record CountView(
            @Schema(required = true) String schoolUrn,
            @Schema(required = true) ConcernCategory category,
            @Schema(required = true) long open,
            @Schema(required = true) long closed) {}

    @Schema(name = "ConcernCounts")
    public record Counts(@Schema(required = true) List<CountView> items) {}

    @Schema(
            name = "SafeguardingCoverage",
            description = "An open school and how many adults the register names its Heads and DSLs today: a school"
                    + " with none of either sends its concerns to the Trust (ADR 0024).")
    public record CoverageView(
            @Schema(required = true) String schoolUrn,
            @Schema(required = true) String name,
            @Schema(required = true) long heads,
            @Schema(required = true) long dsls) {}

    @Schema(name = "SafeguardingCoverageList")
    public record Coverage(@Schema(required = true) List<CoverageView> items) {}
}
