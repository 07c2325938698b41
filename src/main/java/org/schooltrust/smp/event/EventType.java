package org.schooltrust.smp.event;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.event.EventViews.AcknowledgementData;
import org.schooltrust.smp.event.EventViews.AuditCheckpointData;
import org.schooltrust.smp.event.EventViews.ConcernData;
import org.schooltrust.smp.event.EventViews.FamilyDeclarationData;
import org.schooltrust.smp.event.EventViews.FamilyLinkData;
import org.schooltrust.smp.event.EventViews.LocalTextData;
import org.schooltrust.smp.event.EventViews.NilReturnData;
import org.schooltrust.smp.event.EventViews.PermissionData;
import org.schooltrust.smp.event.EventViews.PolicyData;
import org.schooltrust.smp.event.EventViews.RegisterData;
import org.schooltrust.smp.event.EventViews.ReminderData;
import org.schooltrust.smp.event.EventViews.RetentionChangeData;
import org.schooltrust.smp.event.EventViews.SchoolData;
import org.schooltrust.smp.event.EventViews.SocialAccountData;
import org.schooltrust.smp.event.EventViews.StaffData;
import org.schooltrust.smp.event.EventViews.WebhookEndpointData;

/**
 * The catalog of event types (ADR 0014): each is produced by one audited action, so every state change the audit
 * trail records is published without a call in the service that made it. A type's name is stable once released.
 */
public enum EventType {
    SCHOOL_CREATED("school.created", "school.created", Family.SCHOOL, null),
    SCHOOL_UPDATED("school.updated", "school.updated", Family.SCHOOL, null),
    /** The school's public social-media page settings changed (issue 28). */
    SCHOOL_PUBLIC_PAGE_UPDATED("school.public_page_updated", "school.public-page.updated", Family.SCHOOL, null),
    STAFF_CREATED("staff.created", "staff.created", Family.STAFF, null),
    STAFF_UPDATED("staff.updated", "staff.updated", Family.STAFF, null),
    STAFF_DEACTIVATED("staff.deactivated", "staff.deactivated", Family.STAFF, null),
    POLICY_CREATED("policy.created", "policy.created", Family.POLICY, null),
    POLICY_VERSION_DRAFTED("policy_version.drafted", "policy.version.drafted", Family.POLICY, "DRAFT"),
    POLICY_VERSION_EDITED("policy_version.edited", "policy.version.edited", Family.POLICY, "DRAFT"),
    POLICY_VERSION_PUBLISHED("policy_version.published", "policy.version.published", Family.POLICY, "PUBLISHED"),
    POLICY_VERSION_SUPERSEDED("policy_version.superseded", "policy.version.superseded", Family.POLICY, "SUPERSEDED"),
    POLICY_VERSION_RETIRED("policy_version.retired", "policy.version.retired", Family.POLICY, "RETIRED"),
    /** The policy's owner or review date changed (issue 27). */
    POLICY_REVIEW_UPDATED("policy.review_updated", "policy.review.updated", Family.POLICY, null),
    /** A school published its local text for a version, or the Trust's next version carried it (issue 27). */
    POLICY_LOCAL_TEXT_PUBLISHED(
            "policy_local_text.published", "policy.local-text.published", Family.LOCAL_TEXT, "PUBLISHED"),
    ACKNOWLEDGEMENT_RECORDED("acknowledgement.recorded", "acknowledgement.created", Family.ACKNOWLEDGEMENT, null),
    FAMILY_DECLARATION_SUBMITTED(
            "family_declaration.submitted", "family-declaration.submitted", Family.DECLARATION, "SUBMITTED"),
    FAMILY_DECLARATION_ACKNOWLEDGED(
            "family_declaration.acknowledged", "family-declaration.acknowledged", Family.DECLARATION, "ACKNOWLEDGED"),
    FAMILY_DECLARATION_DECLINED(
            "family_declaration.declined", "family-declaration.declined", Family.DECLARATION, "DECLINED"),
    FAMILY_DECLARATION_INFO_REQUESTED(
            "family_declaration.info_requested",
            "family-declaration.info-requested",
            Family.DECLARATION,
            "INFO_REQUESTED"),
    FAMILY_DECLARATION_ANSWERED(
            "family_declaration.answered", "family-declaration.answered", Family.DECLARATION, "SUBMITTED"),
    FAMILY_DECLARATION_WITHDRAWN(
            "family_declaration.withdrawn", "family-declaration.withdrawn", Family.DECLARATION, "WITHDRAWN"),
    FAMILY_DECLARATION_RECONFIRMED(
            "family_declaration.reconfirmed", "family-declaration.reconfirmed", Family.DECLARATION, "ACKNOWLEDGED"),
    FAMILY_DECLARATION_ENDED("family_declaration.ended", "family-declaration.ended", Family.DECLARATION, "ENDED"),
    FAMILY_DECLARATION_NIL_RETURNED(
            "family_declaration.nil_returned", "family-declaration.nil-return", Family.NIL_RETURN, null),
    FAMILY_LINK_ACKNOWLEDGED(
            "family_link.acknowledged", "family-declaration.acknowledged", Family.LINK, "ACKNOWLEDGED"),
    /** A link the MIS held (once acknowledged) was ended or withdrawn. */
    FAMILY_LINK_REMOVED("family_link.removed", "family-declaration.ended", Family.LINK, "REMOVED"),
    FAMILY_LINK_WITHDRAWN("family_link.removed", "family-declaration.withdrawn", Family.LINK, "REMOVED"),
    SOCIAL_ACCOUNT_PROPOSED("social_account.proposed", "social-account.proposed", Family.ACCOUNT, "PROPOSED"),
    SOCIAL_ACCOUNT_APPROVED("social_account.approved", "social-account.approved", Family.ACCOUNT, "APPROVED"),
    SOCIAL_ACCOUNT_REJECTED("social_account.rejected", "social-account.rejected", Family.ACCOUNT, "REJECTED"),
    SOCIAL_ACCOUNT_CONFIRMED_LIVE(
            "social_account.confirmed_live", "social-account.confirmed-live", Family.ACCOUNT, "ACTIVE"),
    SOCIAL_ACCOUNT_SUSPENDED("social_account.suspended", "social-account.suspended", Family.ACCOUNT, "SUSPENDED"),
    SOCIAL_ACCOUNT_REINSTATED("social_account.reinstated", "social-account.reinstated", Family.ACCOUNT, "ACTIVE"),
    SOCIAL_ACCOUNT_RETIRED("social_account.retired", "social-account.retired", Family.ACCOUNT, "RETIRED"),
    SOCIAL_ACCOUNT_REVIEWED("social_account.reviewed", "social-account.reviewed", Family.ACCOUNT, null),
    REGISTER_JOINED("register.changed", "social-account.confirmed-live", Family.REGISTER, "ON"),
    REGISTER_REJOINED("register.changed", "social-account.reinstated", Family.REGISTER, "ON"),
    REGISTER_SUSPENDED("register.changed", "social-account.suspended", Family.REGISTER, "OFF"),
    REGISTER_RETIRED("register.changed", "social-account.retired", Family.REGISTER, "OFF"),
    WEBHOOK_ENDPOINT_CREATED("webhook_endpoint.created", "webhook-endpoint.created", Family.ENDPOINT, null),
    WEBHOOK_ENDPOINT_UPDATED("webhook_endpoint.updated", "webhook-endpoint.updated", Family.ENDPOINT, null),
    WEBHOOK_ENDPOINT_SECRET_ROTATED(
            "webhook_endpoint.secret_rotated", "webhook-endpoint.secret-rotated", Family.ENDPOINT, null),
    WEBHOOK_ENDPOINT_DISABLED("webhook_endpoint.disabled", "webhook-endpoint.disabled", Family.ENDPOINT, null),
    WEBHOOK_ENDPOINT_DELETED("webhook_endpoint.deleted", "webhook-endpoint.deleted", Family.ENDPOINT, null),
    WEBHOOK_ENDPOINT_REDELIVERED("webhook_endpoint.redelivered", "webhook-endpoint.redelivered", Family.ENDPOINT, null),
    WEBHOOK_ENDPOINT_RECOVERED("webhook_endpoint.recovered", "webhook-endpoint.recovered", Family.ENDPOINT, null),
    RETENTION_CHANGE_PROPOSED(
            "retention.change_proposed", "retention-change.proposed", Family.RETENTION, "AWAITING_CONFIRMATION"),
    RETENTION_CHANGE_CANCELLED(
            "retention.change_cancelled", "retention-change.cancelled", Family.RETENTION, "CANCELLED"),
    RETENTION_CHANGE_APPLIED("retention.change_applied", "retention-change.applied", Family.RETENTION, "APPLIED"),
    /** Trust-wide, for trust-admin: each signed audit checkpoint, so copies exist outside the database. */
    AUDIT_CHECKPOINTED("audit.checkpointed", "audit.checkpointed", Family.AUDIT, null),
    REMINDER_SENT("reminder.sent", "reminder.sent", Family.REMINDER, null),
    ESCALATION_SENT("escalation.sent", "escalation.sent", Family.REMINDER, null),
    REQUIREMENT_OVERDUE("requirement.overdue", "requirement.overdue", Family.REMINDER, null),
    CONCERN_RAISED("concern.raised", "concern.raised", Family.CONCERN, "RAISED"),
    CONCERN_CLOSED("concern.closed", "concern.closed", Family.CONCERN, "CLOSED"),
    PERMISSION_GRANTED("permission.granted", "permission.granted", Family.PERMISSION, "GRANTED"),
    PERMISSION_REVOKED("permission.revoked", "permission.revoked", Family.PERMISSION, "REVOKED");

    /** The ref a declaration's audit entry carries when the MIS has seen the link (it was acknowledged). */
    public static final String LINKED = "linked";

    public static final String STAFF_HR_ID = "staffHrId";
    public static final String PUPIL_MIS_ID = "pupilMisId";

    private final String wire;
    private final String action;
    private final Family family;
    private final String status;

    EventType(String wire, String action, Family family, String status) {
        this.wire = wire;
        this.action = action;
        this.family = family;
        this.status = status;
    }

    /** The type's name on the wire. Several catalog rows may share one (a removal reached by two actions). */
    public String wire() {
        return wire;
    }

    public Family family() {
        return family;
    }

    /** The audited action that produces it. */
    public String action() {
        return action;
    }

    /** The status its data reports, if its family carries one. */
    public String status() {
        return status;
    }

    /** The events one audited change produces, in catalog order; none for reads and unpublished actions. */
    static List<EventType> of(AuditEntry entry) {
        return Arrays.stream(values())
                .filter(t -> t.action.equals(entry.action()) && t.family.applies.test(entry))
                .toList();
    }

    /** The data object of this type for one change: its thin, consumer-visible fields. */
    Object data(AuditEntry entry) {
        return switch (family) {
            case SCHOOL -> new SchoolData(entry.targetId(), entry.changedFields());
            case STAFF -> new StaffData(entry.targetId(), entry.changedFields());
            case POLICY -> {
                String[] slugAndLabel = entry.targetId().split("@", 2);
                yield new PolicyData(slugAndLabel[0], slugAndLabel.length > 1 ? slugAndLabel[1] : null, status);
            }
            case LOCAL_TEXT -> {
                String[] parts = entry.targetId().split("@", 3);
                yield new LocalTextData(
                        parts[0],
                        parts[1],
                        parts[2],
                        Integer.parseInt(entry.refs().get("revision")),
                        Boolean.parseBoolean(entry.refs().get("material")));
            }
            case ACKNOWLEDGEMENT -> new AcknowledgementData(UUID.fromString(entry.targetId()));
            case DECLARATION -> new FamilyDeclarationData(UUID.fromString(entry.targetId()), status);
            case NIL_RETURN -> new NilReturnData(UUID.fromString(entry.targetId()));
            case LINK ->
                new FamilyLinkData(
                        UUID.fromString(entry.targetId()),
                        entry.refs().get(STAFF_HR_ID),
                        entry.refs().get(PUPIL_MIS_ID),
                        status);
            case ACCOUNT -> new SocialAccountData(UUID.fromString(entry.targetId()), status);
            case REGISTER -> new RegisterData(UUID.fromString(entry.targetId()), "ON".equals(status));
            case ENDPOINT -> new WebhookEndpointData(UUID.fromString(entry.targetId()));
            case RETENTION -> {
                var refs = entry.refs();
                yield new RetentionChangeData(
                        UUID.fromString(entry.targetId()),
                        refs.get("kind"),
                        refs.get("recordClass"),
                        java.time.Instant.parse(refs.get("effectiveAt")),
                        status);
            }
            case AUDIT -> {
                var refs = entry.refs();
                yield new AuditCheckpointData(
                        entry.targetId(),
                        Long.parseLong(refs.get("sequence")),
                        Long.parseLong(refs.get("eventId")),
                        refs.get("eventHash"),
                        refs.get("signature"),
                        refs.containsKey("disposedThrough") ? Long.valueOf(refs.get("disposedThrough")) : null);
            }
            case CONCERN ->
                new ConcernData(
                        UUID.fromString(entry.targetId()),
                        entry.refs().get("category"),
                        Boolean.parseBoolean(entry.refs().get("urgent")),
                        status);
            case PERMISSION ->
                new PermissionData(
                        UUID.fromString(entry.targetId()), entry.refs().get(STAFF_HR_ID), status);
            case REMINDER -> {
                var refs = entry.refs();
                yield new ReminderData(
                        UUID.fromString(entry.targetId()),
                        refs.get("kind"),
                        refs.get("stage"),
                        refs.get(STAFF_HR_ID),
                        refs.get("policy"),
                        refs.containsKey("dueDate") ? java.time.LocalDate.parse(refs.get("dueDate")) : null,
                        refs.containsKey("count") ? Integer.valueOf(refs.get("count")) : null);
            }
        };
    }

    /** Every distinct wire name, sorted. */
    public static Set<String> wireNames() {
        return Arrays.stream(values()).map(EventType::wire).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The catalog rows of the given families. */
    static Set<EventType> ofFamilies(Family... families) {
        Set<Family> wanted = EnumSet.of(families[0], families);
        return Arrays.stream(values())
                .filter(t -> wanted.contains(t.family))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EventType.class)));
    }

    /** The wire names of a set of catalog rows. */
    static Set<String> wireNames(Set<EventType> types) {
        return types.stream().map(EventType::wire).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Groups of types with one data schema; a group may require something of the change. */
    public enum Family {
        SCHOOL(SchoolData.class),
        STAFF(StaffData.class),
        POLICY(PolicyData.class),
        LOCAL_TEXT(LocalTextData.class),
        ACKNOWLEDGEMENT(AcknowledgementData.class),
        DECLARATION(FamilyDeclarationData.class),
        NIL_RETURN(NilReturnData.class),
        /** Only links the MIS could have read: an end or withdrawal of a never-acknowledged one is not a removal. */
        LINK(
                FamilyLinkData.class,
                e -> e.action().equals("family-declaration.acknowledged")
                        || "true".equals(e.refs().get(LINKED))),
        ACCOUNT(SocialAccountData.class),
        /** A retirement reaches the register only when the account was on it. */
        REGISTER(
                RegisterData.class,
                e -> !e.action().equals("social-account.retired")
                        || "true".equals(e.refs().get("wasOnRegister"))),
        ENDPOINT(WebhookEndpointData.class),
        AUDIT(AuditCheckpointData.class),
        RETENTION(RetentionChangeData.class),
        REMINDER(ReminderData.class),
        CONCERN(ConcernData.class),
        PERMISSION(PermissionData.class);

        private final Class<?> schema;
        private final Predicate<AuditEntry> applies;

        /** What the family's events tell, and who may receive them; for the contract. */
        public String description() {
            return switch (this) {
                case SCHOOL -> "A school was created or changed (hr-sync, trust-admin, the school's Heads).";
                case STAFF ->
                    "An adult of the staff register was created, changed or deactivated by the HR sync (hr-sync, trust-admin, the Heads of the adult's main school).";
                case POLICY -> "A policy, its review cycle or one of its versions changed (the Heads, trust-admin).";
                case LOCAL_TEXT ->
                    "A school published its text for a policy version's local sections (the school's Heads, trust-admin): its adults read the Trust text with it, and a material one asks them to acknowledge again.";
                case ACKNOWLEDGEMENT ->
                    "An adult acknowledged a policy version for a school (the school's Heads, trust-admin).";
                case DECLARATION ->
                    "A family declaration (clauses 6.7-6.9) moved to a new status (the school's Heads, trust-admin). No pupil name, note, protocol or reason: read the declaration through the API.";
                case NIL_RETURN ->
                    "An adult declared they have no family relationship with a pupil of the school (the school's Heads, trust-admin).";
                case LINK ->
                    "A family link the school's MIS may act on was acknowledged by the Head, or removed (ended or withdrawn after acknowledgement); for the school's `mis`, its Heads and trust-admin.";
                case ACCOUNT ->
                    "An official social-media account (clause 8.1) changed status or was reviewed (the school's Heads, trust-admin).";
                case REGISTER ->
                    "An account joined or left the public register of official accounts (register-reader, the school's Heads, trust-admin).";
                case ENDPOINT ->
                    "A webhook endpoint was created, changed, rotated, disabled, deleted, or had deliveries queued again (trust-admin).";
                case RETENTION ->
                    "A trust-admin proposed a change that lets records be destroyed sooner — a shorter retention period, or a lifted legal hold — or it was cancelled, or took effect after a second trust-admin confirmed it and its notice period passed (every school's Heads and DSLs, trust-admin): object while it can still be stopped.";
                case AUDIT ->
                    "The service signed a checkpoint of an audit chain (ADR 0018): keep it, and compare it with the checkpoint the service shows later to prove the trail was not rewritten in between (trust-admin).";
                case CONCERN ->
                    "A concern (clauses 6.24, 7, 9, 10.6) was raised or closed (the school's Heads and DSLs, trust-admin). Category and urgency only: never the description, evidence or notes. A concern that names an adult is published without a school (trust-admin only), so the adult's own feed never shows it.";
                case PERMISSION ->
                    "A Head granted or revoked an express permission (clause 6.5) for an adult (the school's Heads, trust-admin).";
                case REMINDER ->
                    "A reminder or a Head's digest was sent, or an acknowledgement was first seen overdue, so a staff portal or a chat bot can deliver its own way (the school's Heads, trust-admin). No names, no pupil data.";
            };
        }

        Family(Class<?> schema) {
            this(schema, e -> true);
        }

        Family(Class<?> schema, Predicate<AuditEntry> applies) {
            this.schema = schema;
            this.applies = applies;
        }

        /** The record whose OpenAPI schema describes this family's {@code data}. */
        public Class<?> schema() {
            return schema;
        }
    }
}
