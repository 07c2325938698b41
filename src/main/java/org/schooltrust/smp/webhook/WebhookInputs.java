package org.schooltrust.smp.webhook;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the webhook-endpoint operations. */
public final class WebhookInputs {

    private WebhookInputs() {}

    /**
     * Identity roles an endpoint may act for: the roles that have a feed (Audience.feedRoles). A constant because
     * annotations need one; WebhookRolesTest fails if it ever differs from the feed's roles again (issue 25).
     */
    public static final String IDENTITY_ROLES = "mis|register-reader|hr-sync|head-of-school|trust-admin|dsl";

    @Schema(
            name = "WebhookIdentity",
            description = "The consumer an endpoint acts for: it receives only what this role, at these schools, could"
                    + " pull from the event feed. `schools` is required for `mis`, `head-of-school` and `dsl` and ignored for"
                    + " the Trust-wide roles.")
    public record IdentityInput(
            @NotNull
            @Pattern(regexp = IDENTITY_ROLES, message = "must be one of " + IDENTITY_ROLES)
            @Schema(
                    required = true,
                    enumeration = {"mis", "register-reader", "hr-sync", "head-of-school", "trust-admin", "dsl"})
            String role,

            @Size(max = 100) @Schema(maxItems = 100, description = "School URNs the identity acts for.")
            List<@NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit URN") String> schools) {}

    @Schema(name = "WebhookEndpointInput", description = "A new webhook endpoint.")
    public record EndpointInput(
            @NotBlank
            @Size(max = 2048)
            @Schema(
                    required = true,
                    maxLength = 2048,
                    description = "The https URL events are POSTed to. Hosts that resolve to loopback, private,"
                            + " link-local or metadata addresses are refused unless allowed by configuration.",
                    examples = "https://mis.example/webhooks/smp")
            String url,

            @Size(max = 500) @Schema(maxLength = 500) String description,

            @Size(max = 64)
            @Schema(
                    maxItems = 64,
                    description = "Event types to receive; empty or absent: every type the identity may read.")
            List<@NotNull @Size(max = 100) String> eventTypes,

            @Size(max = 100)
            @Schema(
                    maxItems = 100,
                    description = "Only events of these schools; empty or absent: all the identity may read.")
            List<@NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit URN") String> schools,

            @NotNull @Valid @Schema(required = true) IdentityInput identity,

            @Schema(description = "Default true.") Boolean enabled) {}

    @Schema(
            name = "WebhookEndpointPatch",
            description = "Changes to an endpoint: absent (or null) fields keep their value. Re-enabling an endpoint"
                    + " resumes delivery from where it stopped.")
    public record EndpointPatch(
            @Size(max = 2048) @Schema(maxLength = 2048) String url,
            @Size(max = 500) @Schema(maxLength = 500) String description,
            @Size(max = 64) @Schema(maxItems = 64) List<@NotNull @Size(max = 100) String> eventTypes,

            @Size(max = 100) @Schema(maxItems = 100)
            List<@NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit URN") String> schools,

            @Valid IdentityInput identity,
            Boolean enabled,

            @Schema(
                    description = "With a new `url`: send what is already queued to the new address too."
                            + " Default false: queued deliveries are dropped (`DROPPED`), so nothing meant for"
                            + " the old receiver goes to the new one.")
            Boolean carryOverQueued) {}

    @Schema(
            name = "WebhookRecovery",
            description = "Resend every failed delivery of events that occurred in [since, until).")
    public record Recovery(
            @NotNull @Schema(required = true) Instant since,
            @Schema(description = "Default: now.") Instant until) {}
}
