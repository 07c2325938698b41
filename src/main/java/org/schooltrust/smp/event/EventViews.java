package org.schooltrust.smp.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the feed and webhooks carry. Each event's {@code data} is thin: ids, a status and the names of changed fields
 * — never pupil names, notes, protocols or reasons. A consumer reads details through the audited API.
 */
public final class EventViews {

    private EventViews() {}

    @Schema(name = "Event", description = "A state change, as the feed serves it.")
    public record EventView(
            @Schema(required = true, description = "Event id; the `webhook-id` of its deliveries.")
            UUID id,

            @Schema(required = true, description = "Stable dotted type, e.g. `family_link.acknowledged`.")
            String type,

            @Schema(required = true, description = "When the change was made.")
            Instant occurredAt,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The school it belongs to, if any.")
            String schoolUrn,

            @Schema(
                    required = true,
                    description = "The type's thin data object (see the type's schema).",
                    oneOf = {
                        SchoolData.class,
                        StaffData.class,
                        PolicyData.class,
                        LocalTextData.class,
                        AcknowledgementData.class,
                        FamilyDeclarationData.class,
                        NilReturnData.class,
                        FamilyLinkData.class,
                        SocialAccountData.class,
                        RegisterData.class,
                        WebhookEndpointData.class
                    })
            Object data) {}

    @Schema(name = "EventFeedPage", description = "A page of the event feed.")
    public record EventPage(
            @Schema(required = true, description = "Events in feed order.")
            List<EventView> items,

            @Schema(
                    required = true,
                    description = "Where to resume: always present. Store it and send it back as `after`;"
                            + " an empty page answers the same cursor.")
            String nextCursor,

            @Schema(required = true, description = "True when more events are ready now (fetch again at once).")
            boolean more) {}

    @Schema(name = "SchoolEventData")
    public record SchoolData(
            @Schema(required = true) String urn,
            @Schema(required = true) List<String> changedFields) {}

    @Schema(name = "StaffEventData")
    public record StaffData(
            @Schema(required = true) String hrId,
            @Schema(required = true) List<String> changedFields) {}

    @Schema(name = "PolicyEventData")
    public record PolicyData(
            @Schema(required = true) String slug,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The version, for version events.")
            String versionLabel,

            @JsonInclude(JsonInclude.Include.NON_NULL) String status) {}

    @Schema(name = "PolicyLocalTextEventData", description = "A school's local text for a policy version.")
    public record LocalTextData(
            @Schema(required = true) String slug,
            @Schema(required = true) String versionLabel,
            @Schema(required = true) String schoolUrn,
            @Schema(required = true) int revision,

            @Schema(required = true, description = "Whether the school's adults are asked to acknowledge again.")
            boolean material) {}

    @Schema(name = "AcknowledgementEventData")
    public record AcknowledgementData(
            @Schema(required = true) UUID acknowledgementId) {}

    @Schema(name = "FamilyDeclarationEventData")
    public record FamilyDeclarationData(
            @Schema(required = true) UUID declarationId,
            @Schema(required = true) String status) {}

    @Schema(name = "NilReturnEventData")
    public record NilReturnData(@Schema(required = true) UUID nilReturnId) {}

    @Schema(name = "FamilyLinkEventData", description = "A link the school's MIS may act on.")
    public record FamilyLinkData(
            @Schema(required = true, description = "The declaration (link) id.")
            UUID declarationId,

            @Schema(required = true) String staffHrId,
            @Schema(required = true) String pupilMisId,

            @Schema(
                    required = true,
                    enumeration = {"ACKNOWLEDGED", "REMOVED"})
            String status) {}

    @Schema(name = "SocialAccountEventData")
    public record SocialAccountData(
            @Schema(required = true) UUID accountId,
            @Schema(required = true) String status) {}

    @Schema(name = "RegisterEventData", description = "An account joined or left the public register.")
    public record RegisterData(
            @Schema(required = true) UUID accountId,
            @Schema(required = true) boolean onRegister) {}

    @Schema(name = "WebhookEndpointEventData")
    public record WebhookEndpointData(
            @Schema(required = true) UUID endpointId) {}

    @Schema(
            name = "RetentionChangeEventData",
            description = "A change that lets records be destroyed sooner (issue 24): read it with"
                    + " `GET /api/v1/retention-changes/{id}` (trust-admin).")
    public record RetentionChangeData(
            @Schema(required = true) UUID changeId,

            @Schema(
                    required = true,
                    enumeration = {"SHORTEN_PERIOD", "LIFT_HOLD"})
            String kind,

            @Schema(description = "The record class whose period it shortens.")
            String recordClass,

            @Schema(required = true, description = "The earliest it takes effect.")
            java.time.Instant effectiveAt,

            @Schema(
                    required = true,
                    enumeration = {"AWAITING_CONFIRMATION", "CANCELLED", "APPLIED"})
            String status) {}

    @Schema(
            name = "AuditCheckpointEventData",
            description = "A signed checkpoint of an audit chain (ADR 0018), published so that every consumer keeps a"
                    + " copy outside the service's database: compare `signature` with the checkpoint the service shows"
                    + " later to prove the trail was not rewritten in between.")
    public record AuditCheckpointData(
            @Schema(
                    required = true,
                    enumeration = {"WRITE", "READ", "RECORDS"})
            String chain,

            @Schema(required = true, description = "The checkpoint's number in its chain, from 1, without gaps.")
            long sequence,

            @Schema(required = true, description = "The chain head it signs.")
            long eventId,

            @Schema(required = true) String eventHash,

            @Schema(required = true, description = "HMAC-SHA256 under the service's checkpoint key.")
            String signature,

            @Schema(description = "Events of the chain up to this id were disposed of under retention.")
            Long disposedThrough) {}

    @Schema(
            name = "ReminderEventData",
            description =
                    "A reminder or a Head's digest was sent (`reminder.sent`, `escalation.sent`), or a requirement was first seen overdue (`requirement.overdue`). Identifiers only: read the details through the API.")
    public record ReminderData(
            @Schema(required = true, description = "The reminder (`GET /api/v1/me/reminders`) or overdue notice.")
            UUID id,

            @Schema(
                    required = true,
                    description =
                            "POLICY_ACKNOWLEDGEMENT, JOINER_WELCOME, OVERDUE_ESCALATION, DECLARATION_RECONFIRMATION, DECLARATION_REVIEW, SOCIAL_ACCOUNT_REVIEW or POLICY_REVIEW.")
            String kind,

            @Schema(
                    description =
                            "BEFORE_n, ON_DAY, AFTER_n, or DIGEST for a Head's digest; absent on requirement.overdue.")
            String stage,

            @Schema(
                    required = true,
                    description =
                            "HR id of the adult the reminder went to (a digest's Head), or whose requirement is overdue.")
            String staffHrId,

            @Schema(description = "Slug of the policy, for acknowledgement reminders and requirement.overdue.")
            String policy,

            @Schema(description = "The due (or anchor) date the reminder names.")
            java.time.LocalDate dueDate,

            @Schema(description = "How many items a digest lists.")
            Integer count) {}

    @Schema(
            name = "ConcernEventData",
            description = "A concern changed status: its category and urgency, nothing of its content.")
    public record ConcernData(
            @Schema(required = true) UUID concernId,
            @Schema(required = true) String category,
            @Schema(required = true) boolean urgent,

            @Schema(
                    required = true,
                    enumeration = {"RAISED", "CLOSED"})
            String status) {}

    @Schema(name = "PermissionEventData")
    public record PermissionData(
            @Schema(required = true) UUID permissionId,

            @Schema(required = true, description = "HR id of the adult the permission is for.")
            String staffHrId,

            @Schema(
                    required = true,
                    enumeration = {"GRANTED", "REVOKED"})
            String status) {}
}
