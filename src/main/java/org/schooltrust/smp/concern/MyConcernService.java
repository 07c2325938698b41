package org.schooltrust.smp.concern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.audit.AuditLog;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.error.TooManyRequestsException;
import org.schooltrust.smp.common.error.ValidationFailedException;
import org.schooltrust.smp.common.idempotency.Idempotency;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.concern.ConcernInputs.ConcernInput;
import org.schooltrust.smp.concern.ConcernStore.Row;
import org.schooltrust.smp.concern.ConcernViews.EvidenceView;
import org.schooltrust.smp.concern.ConcernViews.MyConcernView;
import org.schooltrust.smp.reminder.Notifications;
import org.schooltrust.smp.socialaccount.RegisterService;
import org.schooltrust.smp.socialaccount.RegisterViews.Verification;
import org.schooltrust.smp.staff.Adult;
import org.schooltrust.smp.staff.Responsibility;
import org.schooltrust.smp.staff.StaffService;

/**
 * Concerns as the adult who raised them sees them (ADR 0017): raising one for a school they work at, their own
 * concerns, and the evidence they add (through {@link EvidenceIntake}). The report and its evidence never change.
 */
@ApplicationScoped
public class MyConcernService {

    private static final Logger LOG = Logger.getLogger(MyConcernService.class);

    /** The Idempotency-Key operation of raising a concern. */
    static final String RAISE = "concern.raise";

    @Inject
    ConcernStore store;

    @Inject
    ConcernQueries queries;

    @Inject
    StaffService staff;

    @Inject
    SafeguardingSettings settings;

    @Inject
    TimeSource time;

    @Inject
    AuditLog audit;

    @Inject
    ChangeLog changes;

    @Inject
    Idempotency idempotency;

    @Inject
    RegisterService register;

    @Inject
    Notifications notifications;

    @Inject
    ConcernReads reads;

    @Inject
    EvidenceIntake intake;

    // -- the reporter

    @Transactional
    public Versioned<MyConcernView> raise(ConcernInput input, String idempotencyKey) {
        Adult me = staff.me();
        Optional<Idempotency.Replay> earlier = idempotency.claim(RAISE, idempotencyKey, Idempotency.fingerprint(input));
        if (earlier.isPresent()) {
            Row first = store.find(earlier.get().uuid()).orElseThrow();
            return Versioned.created(reads.mine(first), first.concern().version());
        }
        if (!me.worksAt(input.schoolUrn(), time.today())) {
            throw ValidationFailedException.of("schoolUrn", "must be a school you work at");
        }
        Instant now = time.now();
        store.lockAdult(me.id());
        ConcernStore.Recent raised = store.raisedSince(me.id(), now.minus(settings.raiseWindow()), false, null);
        if (raised.count() >= settings.raiseLimit()) {
            throw new TooManyRequestsException(
                    "You have raised " + raised.count() + " concerns within " + settings.raiseWindow()
                            + "; the limit keeps real alerts from being buried. For an emergency, call the DSL or"
                            + " the police now.",
                    Duration.between(now, raised.oldest().plus(settings.raiseWindow())));
        }
        Adult about = null;
        if (input.aboutStaffHrId() != null) {
            about = staff.findByHrIds(Set.of(input.aboutStaffHrId())).get(input.aboutStaffHrId());
            if (about == null) {
                throw ValidationFailedException.of("aboutStaffHrId", "names no adult of the staff register");
            }
        }
        if (input.aboutSocialAccountId() != null && !store.accountExists(input.aboutSocialAccountId())) {
            throw ValidationFailedException.of("aboutSocialAccountId", "names no school social account");
        }
        ConcernCategory category = ConcernCategory.valueOf(input.category());
        String canonicalPlatform = null;
        String canonicalHandle = null;
        UUID official = null;
        if (category == ConcernCategory.IMPERSONATION
                && input.locationUrl() != null
                && !input.locationUrl().isBlank()) {
            Verification v = register.verify(input.locationUrl(), null, null);
            if (v.canonical() != null) {
                canonicalPlatform = v.canonical().platform().name();
                canonicalHandle = v.canonical().handle();
            }
            if (v.official()) {
                official = v.account().id();
            }
        }
        Set<String> handling = Set.of(input.schoolUrn());
        if (about != null) {
            Set<String> theirs = about.schoolsWorkedAt(time.today());
            if (!theirs.isEmpty()) {
                handling = theirs;
            }
        }
        // ADR 0024: an allegation about a Head, or a concern nobody at the schools but the named adult could handle,
        // goes to the Trust's safeguarding leads
        UUID aboutId = about == null ? null : about.id();
        boolean namesAHead = about != null
                && !about.schoolsHolding(Responsibility.HEAD_OF_SCHOOL, time.today())
                        .isEmpty();
        boolean trustRouted = Concern.routesToTrust(namesAHead, notifications.handlerCount(handling, aboutId));
        Concern concern = new Concern(
                UUID.randomUUID(),
                input.schoolUrn(),
                me.id(),
                category,
                category.urgent(),
                input.occurredAt(),
                input.platform(),
                ConcernReads.blankToNull(input.locationUrl()),
                input.description().strip(),
                ConcernReads.blankToNull(input.aboutPupilMisId()),
                about == null ? null : about.id(),
                input.aboutSocialAccountId(),
                canonicalPlatform,
                canonicalHandle,
                official,
                handling,
                now,
                ConcernStatus.RAISED,
                null,
                null,
                1,
                trustRouted);
        store.insert(concern);
        idempotency.created(RAISE, idempotencyKey, concern.id());
        // a concern naming an adult is published without a school: the adult's own feed must not show it
        changes.record(AuditEntry.of(
                        ConcernAuditAction.RAISED,
                        ConcernReads.AUDIT_TYPE,
                        concern.id().toString(),
                        about == null ? concern.schoolUrn() : null)
                .withRefs(Map.of("category", category.name(), "urgent", Boolean.toString(concern.urgent()))));
        // one urgent mail per reporter and window: later urgent concerns are listed first as ever, not mailed again
        boolean mail = !concern.urgent()
                || store.raisedSince(me.id(), now.minus(settings.urgentMailWindow()), true, concern.id())
                                .count()
                        == 0;
        notifications.concernRaised(
                concern.id(),
                concern.schoolUrn(),
                handling,
                concern.urgent(),
                category.name(),
                concern.aboutAdultId(),
                mail);
        if (trustRouted) {
            List<UUID> leads = reads.trustLeads().stream()
                    .filter(lead -> !lead.equals(aboutId))
                    .toList();
            if (notifications.concernRoutedToTrust(
                            concern.id(), concern.schoolUrn(), concern.urgent(), category.name(), leads, mail)
                    == 0) {
                // no personal data: the concern's id only; trust-admin sees it counted, operations see this line
                LOG.errorf(
                        "concern %s was routed to the Trust but no Trust safeguarding lead is configured"
                                + " (SMP_SAFEGUARDING_TRUST_LEADS)",
                        concern.id());
            }
        }
        return Versioned.created(reads.mine(store.find(concern.id()).orElseThrow()), concern.version());
    }

    @Transactional
    public Page<MyConcernView> mine(PageParams page) {
        Adult me = staff.me();
        Cursor.TimeAndId after = page.cursor == null ? null : Cursor.TimeAndId.decode(page.cursor);
        List<Row> rows = store.forReporter(
                me.id(), after == null ? null : after.time(), after == null ? null : after.id(), page.limit() + 1);
        audit.recordReads(rows.stream()
                .limit(page.limit())
                .map(r -> ConcernReads.read(r.concern()))
                .toList());
        var evidence = queries.evidence(rows.stream().map(r -> r.concern().id()).toList());
        return Page.of(
                rows.stream()
                        .map(r ->
                                reads.mine(r, evidence.getOrDefault(r.concern().id(), List.of())))
                        .toList(),
                page.limit(),
                v -> Cursor.TimeAndId.encode(v.raisedAt(), v.id()));
    }

    @Transactional
    public Versioned<MyConcernView> myConcern(UUID id) {
        Row row = reported(id);
        audit.recordReads(List.of(ConcernReads.read(row.concern())));
        return Versioned.existing(reads.mine(row), row.concern().version());
    }

    /** Keeps a file as evidence of the caller's own open concern: type from the bytes, hash recorded, never changed. */
    @Transactional
    public EvidenceView addEvidence(UUID id, Path file, String fileName, String idempotencyKey) {
        return intake.add(reported(id), file, fileName, idempotencyKey);
    }

    @Transactional
    public ConcernStore.Content myEvidence(UUID id, UUID evidenceId) {
        Row row = reported(id);
        return reads.download(row.concern(), evidenceId);
    }

    /** Streams a piece of evidence already authorised and audited by {@link #myEvidence}. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public StreamingOutput stream(ConcernStore.Content content) {
        return reads.stream(content);
    }

    // -- rules of access

    private Row reported(UUID id) {
        UUID me = staff.me().id();
        return store.find(id)
                .filter(r -> r.concern().reporterId().equals(me))
                .orElseThrow(() -> new ResourceNotFoundException("You raised no concern " + id + "."));
    }
}
