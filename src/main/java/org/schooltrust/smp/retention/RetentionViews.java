package org.schooltrust.smp.retention;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The retention feature's bodies (docs/architecture.md: DTOs). */
public final class RetentionViews {

    private RetentionViews() {}

    @Schema(name = "RetentionRule", description = "How long one class of record is kept (ADR 0019).")
    public record RuleView(
            @Schema(required = true) RecordClass recordClass,

            @Schema(required = true, description = "ISO-8601 period, e.g. P6Y.", examples = "P6Y")
            String period,

            @Schema(required = true, description = "What the period counts from.")
            String basis,

            @Schema(required = true, description = "Where the default comes from.")
            String source) {

        static RuleView of(RetentionRule r) {
            return new RuleView(r.recordClass(), r.period().toString(), r.basis(), r.source());
        }
    }

    @Schema(name = "RetentionRuleList")
    public record RuleList(@Schema(required = true) List<RuleView> items) {}

    @Schema(name = "LegalHold")
    public record HoldView(
            @Schema(required = true) UUID id,
            @Schema(required = true) String targetType,
            @Schema(required = true) String targetId,
            @Schema(required = true) String reason,
            @Schema(required = true) Instant placedAt,
            Instant liftedAt) {

        static HoldView of(LegalHold h) {
            return new HoldView(h.id(), h.targetType().name(), h.targetId(), h.reason(), h.placedAt(), h.liftedAt());
        }
    }

    @Schema(name = "DisposedRecord", description = "One record disposed of: its id and the SHA-256 of its content.")
    public record Disposed(
            @Schema(required = true) RecordClass recordClass,
            @Schema(required = true) String id,
            @Schema(required = true) String sha256,

            @Schema(
                    required = true,
                    enumeration = {"DELETED", "ANONYMISED"})
            String action) {}

    @Schema(
            name = "DisposalRun",
            description =
                    "What a disposal run disposed of (or, dry, would): counts per class and a certificate of record ids and content hashes, no personal values.")
    public record RunView(
            @Schema(description = "Absent for a dry run.") UUID id,
            @Schema(required = true) boolean dryRun,
            @Schema(required = true) Instant ranAt,

            @Schema(
                    description = "`IN_PROGRESS` while it runs (or if it died: the next run marks it `INTERRUPTED`),"
                            + " then `COMPLETE`; every batch it finished is in its certificate either way. Absent for a"
                            + " dry run.",
                    enumeration = {"IN_PROGRESS", "COMPLETE", "INTERRUPTED"})
            String status,

            @Schema(required = true, description = "Records disposed of (or, dry, that would be), per class.")
            Map<String, Integer> counts,

            @Schema(required = true, description = "A page of the certificate, in the order records were disposed of.")
            List<Disposed> certificate,

            @Schema(description = "Pass as `after` for the certificate's next page; absent on its last page.")
            String nextCursor) {}

    @Schema(
            name = "RecordRetention",
            description = "One record's disposal date under its class's rule, and whether a legal hold covers it.")
    public record RecordRetention(
            @Schema(required = true) RecordClass recordClass,
            @Schema(required = true) String id,
            @Schema(required = true, examples = "P6Y") String period,

            @Schema(
                    description =
                            "The day its period counts from; absent while it has not begun (e.g. an adult still employed).")
            java.time.LocalDate basisDate,

            @Schema(
                    description =
                            "The first day the disposal job may dispose of it; absent while the period has not begun.")
            java.time.LocalDate disposalDate,

            @Schema(required = true, description = "True while a legal hold covers it: it is not disposed of.")
            boolean held) {}

    @Schema(
            name = "RetentionChange",
            description = "A change that could destroy records sooner — a shorter retention period, or a lifted legal"
                    + " hold — held back until a second trust-admin confirms it and its notice period has passed"
                    + " (issue 24). Heads and DSLs are told through the feed (`retention.change_proposed`).")
    public record ChangeView(
            @Schema(required = true) UUID id,
            @Schema(required = true) RetentionChange.Kind kind,
            @Schema(required = true) RetentionChange.Status status,

            @Schema(description = "The rule it shortens (`SHORTEN_PERIOD`).")
            RecordClass recordClass,

            @Schema(description = "The shorter period (`SHORTEN_PERIOD`).", examples = "P6Y")
            String period,

            @Schema(description = "The hold it lifts (`LIFT_HOLD`).")
            UUID holdId,

            @Schema(required = true) String reason,

            @Schema(required = true, description = "Who proposed it (token subject).")
            String proposedBy,

            @Schema(required = true) Instant proposedAt,

            @Schema(required = true, description = "The earliest it takes effect, once confirmed.")
            Instant effectiveAt,

            @Schema(description = "The second trust-admin who confirmed it.")
            String confirmedBy,

            Instant confirmedAt,
            Instant cancelledAt,
            Instant appliedAt) {

        static ChangeView of(RetentionChange c) {
            return new ChangeView(
                    c.id(),
                    c.kind(),
                    c.status(),
                    c.recordClass(),
                    c.period() == null ? null : c.period().toString(),
                    c.holdId(),
                    c.reason(),
                    c.proposedBy(),
                    c.proposedAt(),
                    c.effectiveAt(),
                    c.confirmedBy(),
                    c.confirmedAt(),
                    c.cancelledAt(),
                    c.appliedAt());
        }
    }

    @Schema(name = "RetentionChangeList")
    public record ChangeList(@Schema(required = true) List<ChangeView> items) {}
}
