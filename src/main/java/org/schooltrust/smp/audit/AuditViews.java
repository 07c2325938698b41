package org.schooltrust.smp.audit;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The audit feature's responses, one nested record each (docs/architecture.md: DTOs). */
public final class AuditViews {

    private AuditViews() {}

    @Schema(
            name = "AuditEvent",
            description = "One append-only audit event. Holds names of changed fields, never their values.")
    public record AuditEventView(
            @Schema(description = "Position in the Trust-wide chain.")
            long id,

            Instant occurredAt,

            @Schema(description = "Token subject of the actor, or `system` for scheduled work.")
            String actorSubject,

            List<String> actorRoles,

            @Schema(description = "Calling OAuth client (azp).")
            String clientId,

            @Schema(examples = "staff.updated") String action,
            @Schema(examples = "adult") String targetType,
            String targetId,
            String schoolUrn,
            String requestId,
            List<String> changedFields,

            @Schema(description = "SHA-256 of the previous event (hex); absent for the first.")
            String prevHash,

            @Schema(description = "SHA-256 over this event and `prevHash` (hex).")
            String hash,

            @Schema(
                    description =
                            "The chain this event links into: `WRITE` for changes, `READ` for human reads (ADR 0004), `RECORDS` for"
                                    + " retention, holds, disposal and subject access (kept the longest);"
                                    + " `prevHash` names the previous event of the same chain.",
                    enumeration = {"WRITE", "READ", "RECORDS"})
            String chain) {}

    @Schema(name = "AuditChainCheck", description = "One chain (changes, or human reads) recomputed.")
    public record ChainCheck(
            @Schema(
                    required = true,
                    enumeration = {"WRITE", "READ", "RECORDS"})
            String chain,

            @Schema(required = true, description = "Events recomputed.")
            long checked,

            @Schema(
                    description = "The first event that fails (for a checkpoint that fails, the event it signed);"
                            + " absent when the chain is intact or the failure names no event (no recent"
                            + " checkpoint).")
            Long firstBrokenEventId,

            @Schema(description = "Why it fails; absent when the chain is intact.")
            String reason,

            @Schema(required = true, description = "Signed checkpoints the recomputed chain matched.")
            long checkpointsMatched,

            @Schema(required = true, description = "Checkpoints whose signature did not verify.")
            long badSignatures) {}

    @Schema(
            name = "AuditVerification",
            description = "The audit trail recomputed: each event's hash from its content and the one before it, and"
                    + " the chain against checkpoints signed with a key the database does not hold.")
    public record Verification(
            @Schema(
                    required = true,
                    description = "True when every event and checkpoint verifies against the service's key; never"
                            + " true without a key.")
            boolean ok,

            @Schema(
                    required = true,
                    description = "`VERIFIED`: intact and anchored by signed checkpoints; `BROKEN`: a chain or its"
                            + " checkpoints fail (see `chains`); `UNANCHORED`: intact as far as hashes go, but the"
                            + " service holds no checkpoint key, so a fully recomputed chain could not be told apart.",
                    enumeration = {"VERIFIED", "BROKEN", "UNANCHORED"})
            String status,

            java.time.Instant from,
            java.time.Instant to,

            @Schema(
                    required = true,
                    description =
                            "Whether the service holds a checkpoint key; without one a fully recomputed chain cannot be told from the original.")
            boolean keyConfigured,

            @Schema(required = true) java.util.List<ChainCheck> chains) {}
}
