package org.schooltrust.smp.acknowledgement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.schooltrust.smp.acknowledgement.AcknowledgementInputs.AcknowledgementInput;
import org.schooltrust.smp.acknowledgement.AcknowledgementViews.AcknowledgementView;
import org.schooltrust.smp.acknowledgement.AcknowledgementViews.RequirementView;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.error.BodyHashMismatchException;
import org.schooltrust.smp.common.error.ConflictException;
import org.schooltrust.smp.common.error.FieldError;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.error.ValidationFailedException;
import org.schooltrust.smp.common.idempotency.Idempotency;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.policy.LocalTextService;
import org.schooltrust.smp.policy.PolicyService;
import org.schooltrust.smp.policy.PolicyVersion;
import org.schooltrust.smp.policy.Statement;
import org.schooltrust.smp.policy.VersionStatus;
import org.schooltrust.smp.staff.Adult;
import org.schooltrust.smp.staff.StaffService;

/** An adult acknowledging the current version of a policy for a school they work in, and what they still owe. */
@ApplicationScoped
class AcknowledgementService {

    /** The Idempotency-Key operation of an acknowledgement. */
    static final String ACKNOWLEDGE = "acknowledgement.acknowledge";

    @Inject
    Idempotency idempotency;

    @Inject
    TimeSource time;

    static final String AUDIT_TYPE = "acknowledgement";

    @Inject
    StaffService staff;

    @Inject
    PolicyService policies;

    @Inject
    LocalTextService localTexts;

    @Inject
    ComplianceQueries queries;

    @Inject
    ChangeLog changes;

    @Inject
    Caller caller;

    @Inject
    AcknowledgementStore store;

    @Inject
    ObjectMapper json;

    /**
     * Records the acknowledgement, or returns the one already recorded for the same adult, version and school (a
     * repeat, a replayed Idempotency-Key or a concurrent twin never creates a second).
     */
    @Transactional
    public Versioned<AcknowledgementView> acknowledge(
            AcknowledgementInput input, String idempotencyKey, String userAgent) {
        Adult adult = staff.me();
        if (!adult.active()) {
            throw new ConflictException("Your staff record is inactive; there is nothing to acknowledge.");
        }
        LocalDate today = time.today();
        if (!adult.worksAt(input.schoolUrn(), today)) {
            throw ValidationFailedException.of("schoolUrn", "is not a school you currently work in");
        }
        PolicyVersion version = policies.findVersion(input.policy(), input.version())
                .filter(v -> v.status() != VersionStatus.DRAFT)
                .orElseThrow(
                        () -> ValidationFailedException.of("version", "is not a version of policy " + input.policy()));

        Optional<Idempotency.Replay> replay =
                idempotency.claim(ACKNOWLEDGE, idempotencyKey, Idempotency.fingerprint(input));
        if (replay.isPresent()) {
            Acknowledgement first = Acknowledgement.findById(replay.get().uuid());
            return new Versioned<>(
                    view(first, version, revisionOf(first)), null, replay.get().created());
        }

        PolicyVersion.Ask ask = version.asks(input.schoolUrn(), adult.category());
        if (ask == PolicyVersion.Ask.NOT_CURRENT) {
            Optional<Acknowledgement> earlier = Acknowledgement.<Acknowledgement>find(
                            "adultId = ?1 and versionId = ?2 and schoolUrn = ?3 order by acknowledgedAt desc",
                            adult.id(),
                            version.id(),
                            input.schoolUrn())
                    .firstResultOptional();
            if (earlier.isPresent()) {
                idempotency.found(ACKNOWLEDGE, idempotencyKey, earlier.get().id);
                return Versioned.existing(view(earlier.get(), version, revisionOf(earlier.get())), null);
            }
            throw new ConflictException("Version " + version.label() + " is " + version.status()
                    + "; acknowledge the current published version.");
        }
        LocalTextService.Binding binding = localTexts.bindingAt(version, input.schoolUrn());
        Optional<Acknowledgement> earlier =
                existing(adult.id(), version.id(), input.schoolUrn(), binding.localTextId());
        if (earlier.isPresent()) {
            idempotency.found(ACKNOWLEDGE, idempotencyKey, earlier.get().id);
            return Versioned.existing(view(earlier.get(), version, revisionOf(earlier.get())), null);
        }
        if (ask == PolicyVersion.Ask.NOT_REQUIRED) {
            throw new ConflictException("This version is not required of you at this school.");
        }
        if (!binding.inForce()) {
            throw new ConflictException("Version " + version.label() + " is not yet in force at school "
                    + input.schoolUrn() + ": it awaits the school's local section(s) "
                    + String.join(", ", binding.missing()) + ".");
        }
        if (!binding.bodySha256().equalsIgnoreCase(input.bodySha256())) {
            throw new BodyHashMismatchException("The text you were shown is not version " + version.label()
                    + " as school " + input.schoolUrn() + " has it (SHA-256 mismatch); reload it and read it again.");
        }
        List<String> missing = version.missingStatements(input.statements());
        if (!missing.isEmpty()) {
            throw new ValidationFailedException(missing.stream()
                    .map(code -> new FieldError("statements", "must include " + code))
                    .toList());
        }

        UUID id = UUID.randomUUID();
        List<String> statements =
                version.statements().stream().map(Statement::code).toList();
        AcknowledgementView recorded = new AcknowledgementView(
                id,
                version.policy().slug(),
                version.label(),
                input.schoolUrn(),
                binding.revision(),
                binding.bodySha256(),
                statements,
                time.now(),
                caller.clientId().orElse(null),
                userAgent == null ? null : userAgent.substring(0, Math.min(512, userAgent.length())));
        boolean inserted = store.insertIfAbsent(
                id,
                adult.id(),
                version.id(),
                recorded.schoolUrn(),
                recorded.bodySha256(),
                binding.localTextId(),
                json(statements),
                recorded.acknowledgedAt(),
                recorded.clientId(),
                recorded.userAgent());
        if (!inserted) {
            // a concurrent twin (another key, or none) recorded it first: that one is the acknowledgement
            Acknowledgement twin = existing(adult.id(), version.id(), input.schoolUrn(), binding.localTextId())
                    .orElseThrow();
            idempotency.found(ACKNOWLEDGE, idempotencyKey, twin.id);
            return Versioned.existing(view(twin, version, revisionOf(twin)), null);
        }
        idempotency.created(ACKNOWLEDGE, idempotencyKey, id);
        changes.record(new AuditEntry(
                AcknowledgementAction.CREATED,
                AUDIT_TYPE,
                id.toString(),
                input.schoolUrn(),
                List.of("policy", "version", "statements")));
        // the write returns what it wrote: no read back
        return Versioned.created(recorded, null);
    }

    /** The caller's acknowledgements, oldest first, keyset-paged by (time, id). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AcknowledgementView> mine(PageParams page) {
        Adult adult = staff.me();
        Cursor.TimeAndId after = Cursor.TimeAndId.decode(page.cursor);
        Instant afterTime = after.time();
        UUID afterId = after.id();
        List<Acknowledgement> acks = Acknowledgement.<Acknowledgement>find(
                        "adultId = ?1 and (acknowledgedAt > ?2 or (acknowledgedAt = ?2 and id > ?3))"
                                + " order by acknowledgedAt, id",
                        adult.id(),
                        afterTime,
                        afterId)
                .range(0, page.limit())
                .list();
        Map<UUID, PolicyVersion> versions = policies.versionsByIds(
                acks.stream().map(a -> a.versionId).distinct().toList());
        Page<Acknowledgement> found =
                Page.of(acks, page.limit(), a -> Cursor.encode(a.acknowledgedAt.toString(), a.id.toString()));
        Map<UUID, Integer> revisions = localTexts.revisions(acks.stream()
                .map(a -> a.localTextId)
                .filter(java.util.Objects::nonNull)
                .toList());
        return found.map(
                a -> view(a, versions.get(a.versionId), a.localTextId == null ? null : revisions.get(a.localTextId)));
    }

    /** One of the caller's acknowledgements; anyone else's is 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AcknowledgementView mine(UUID id) {
        Adult adult = staff.me();
        Acknowledgement ack = Acknowledgement.<Acknowledgement>find("id = ?1 and adultId = ?2", id, adult.id())
                .firstResultOptional()
                .orElseThrow(() -> new ResourceNotFoundException("No acknowledgement " + id + " of yours."));
        return view(ack, policies.versionsByIds(List.of(ack.versionId)).get(ack.versionId), revisionOf(ack));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RequirementView> requirements(PageParams page) {
        String afterSlug = "";
        String afterUrn = "";
        if (page.cursor != null) {
            List<String> keys = Cursor.decode(page.cursor, 2);
            afterSlug = Cursor.shaped(keys.get(0), PolicyService.SLUG);
            afterUrn = Cursor.shaped(keys.get(1), Cursor.URN);
        }
        return Page.of(
                queries.forAdult(staff.me().id(), afterSlug, afterUrn, page.limit() + 1),
                page.limit(),
                r -> Cursor.encode(r.policy(), r.schoolUrn()));
    }

    private static Optional<Acknowledgement> existing(
            UUID adultId, UUID versionId, String schoolUrn, UUID localTextId) {
        return localTextId == null
                ? Acknowledgement.find(
                                "adultId = ?1 and versionId = ?2 and schoolUrn = ?3 and localTextId is null",
                                adultId,
                                versionId,
                                schoolUrn)
                        .firstResultOptional()
                : Acknowledgement.find(
                                "adultId = ?1 and versionId = ?2 and schoolUrn = ?3 and localTextId = ?4",
                                adultId,
                                versionId,
                                schoolUrn,
                                localTextId)
                        .firstResultOptional();
    }

    private String json(List<String> statements) {
        try {
            return json.writeValueAsString(statements);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Integer revisionOf(Acknowledgement a) {
        return a.localTextId == null
                ? null
                : localTexts.revisions(List.of(a.localTextId)).get(a.localTextId);
    }

    private static AcknowledgementView view(Acknowledgement a, PolicyVersion version, Integer localTextRevision) {
        return new AcknowledgementView(
                a.id,
                version.policy().slug(),
                version.label(),
                a.schoolUrn,
                localTextRevision,
                a.bodySha256,
                a.statements,
                a.acknowledgedAt,
                a.clientId,
                a.userAgent);
    }
}
