package org.schooltrust.smp.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the webhook-endpoint operations. Secrets appear only in {@link SecretView}. */
public final class WebhookViews {

    private WebhookViews() {}

    @Schema(name = "WebhookIdentityView")
    public record IdentityView(
            @Schema(required = true) String role,
            @Schema(required = true) List<String> schools) {}

    @Schema(name = "WebhookEndpoint")
    public record EndpointView(
            @Schema(required = true) UUID id,
            @Schema(required = true) String url,
            @JsonInclude(JsonInclude.Include.NON_NULL) String description,

            @Schema(required = true, description = "Empty: every type the identity may read.")
            List<String> eventTypes,

            @Schema(required = true, description = "Empty: every school the identity may read.")
            List<String> schools,

            @Schema(required = true) IdentityView identity,
            @Schema(required = true) boolean enabled,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(
                    description =
                            "Why the service disabled it: 410 Gone, every attempt failing for SMP_WEBHOOKS_DISABLE_AFTER (5 days), or"
                                    + " its events disposed of by retention before they were queued.")
            String disabledReason,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Until when deliveries also carry the previous secret's signature.")
            Instant previousSecretUntil,

            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt) {

        static EndpointView of(Endpoint e) {
            return new EndpointView(
                    e.id(),
                    e.url(),
                    e.description(),
                    e.eventTypes(),
                    e.schools(),
                    new IdentityView(e.identityRole(), e.identitySchools()),
                    e.enabled(),
                    e.disabledReason(),
                    e.previousSecretUntil(),
                    e.createdAt(),
                    e.updatedAt());
        }
    }

    @Schema(
            name = "WebhookEndpointSecret",
            description =
                    "An endpoint with its signing secret: shown only when created and when the secret is rotated.")
    public record SecretView(
            @Schema(required = true) EndpointView endpoint,

            @Schema(required = true, description = "`whsec_` and 32 random bytes in base64: verify deliveries with it.")
            String secret) {}

    @Schema(name = "WebhookAttempt")
    public record AttemptView(
            @Schema(required = true) Instant attemptedAt,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Absent when no response came.")
            Integer statusCode,

            @Schema(required = true) int durationMs,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(
                    description =
                            "Why it failed: `http-status`, `timeout`, `connection`, `redirect`," + " `ssrf-refused`.")
            String errorClass,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "At most 1 KB of the response body.")
            String responseExcerpt) {}

    @Schema(name = "WebhookDelivery")
    public record DeliveryView(
            @Schema(required = true) UUID id,

            @Schema(required = true, description = "The event id: the `webhook-id` header.")
            UUID eventId,

            @Schema(required = true) String eventType,

            @Schema(
                    required = true,
                    enumeration = {"PENDING", "SUCCEEDED", "FAILED", "DROPPED"},
                    description = "`DROPPED`: no longer for this endpoint when it was due (its identity or filters"
                            + " were narrowed, or its URL moved without carrying the queue over); never sent.")
            String status,

            @Schema(required = true) int attempts,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant nextAttemptAt,
            @Schema(required = true) Instant createdAt,

            @Schema(required = true, description = "Attempts, oldest first.")
            List<AttemptView> attemptLog,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Why a `DROPPED` delivery was not sent.")
            String droppedReason) {}

    @Schema(name = "WebhookRecoveryResult")
    public record RecoveryView(
            @Schema(required = true, description = "Deliveries queued again.")
            int queued) {}
}
