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
                            "The chain this event links into: `WRITE` for changes, `READ` for human reads (ADR 0004);"
                                    + " `prevHash` names the previous event of the same chain.",
                    enumeration = {"WRITE", "READ"})
            String chain) {}
}
