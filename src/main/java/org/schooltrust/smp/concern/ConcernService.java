package org.schooltrust.smp.concern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.schooltrust.smp.audit.Action;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.audit.AuditLog;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.common.db.Versions;
import org.schooltrust.smp.common.error.ApiException;
import org.schooltrust.smp.common.error.ConflictException;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.error.TooManyRequestsException;
import org.schooltrust.smp.common.error.ValidationFailedException;
import org.schooltrust.smp.common.idempotency.Idempotency;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.text.Sha256;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.common.web.ETags;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.concern.ConcernInputs.ActionInput;
import org.schooltrust.smp.concern.ConcernInputs.CloseInput;
import org.schooltrust.smp.concern.ConcernInputs.ConcernInput;
import org.schooltrust.smp.concern.ConcernInputs.NoteInput;
import org.schooltrust.smp.concern.ConcernStore.Row;
import org.schooltrust.smp.concern.ConcernViews.ConcernListItem;
import org.schooltrust.smp.concern.ConcernViews.ConcernView;
import org.schooltrust.smp.concern.ConcernViews.Counts;
import org.schooltrust.smp.concern.ConcernViews.EvidenceView;
import org.schooltrust.smp.concern.ConcernViews.ImpersonationView;
import org.schooltrust.smp.concern.ConcernViews.MyConcernView;
import org.schooltrust.smp.reminder.Notifications;
import org.schooltrust.smp.socialaccount.RegisterService;
import org.schooltrust.smp.socialaccount.RegisterViews.Verification;
import org.schooltrust.smp.staff.Adult;
import org.schooltrust.smp.staff.Responsibility;
import org.schooltrust.smp.staff.StaffService;

/**
 * Concerns (ADR 0017): raised by any adult for a school they work at, handled by that school's Heads and DSLs — or,
 * when a concern names an adult, by the Heads and DSLs of the schools that adult works at, never by the adult named.
 * The report and its evidence never change; handling is an append-only timeline. Every human read is audited.
 */
@ApplicationScoped
public class ConcernService {

    private static final Logger LOG = Logger.getLogger(ConcernService.class);

    static final String AUDIT_TYPE = "concern";
    public static final long MAX_EVIDENCE_BYTES = 10L * 1024 * 1024;
    public static final int MAX_EVIDENCE_FILES = 20;

    @Inject
    ConcernStore store;

    @Inject
    ConcernQueries queries;

    @Inject
    StaffService staff;

    @Inject
    Caller caller;

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

    /** The Idempotency-Key operations of this service. */
    static final String RAISE = "concern.raise";

    static final String ADD_EVIDENCE = "concern.add-evidence";

    @Inject
    RegisterService register;

    @Inject
    Notifications notifications;

    // -- the reporter

    @Transactional
    public Versioned<MyConcernView> raise(ConcernInput input, String idempotencyKey) {
        Adult me = staff.me();
        Optional<Idempotency.Replay> earlier = idempotency.claim(RAISE, idempotencyKey, Idempotency.fingerprint(input));
        if (earlier.isPresent()) {
            Row first = store.find(earlier.get().uuid()).orElseThrow();
            return Versioned.created(mine(first), first.concern().version());
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
                blankToNull(input.locationUrl()),
                input.description().strip(),
                blankToNull(input.aboutPupilMisId()),
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
                        AUDIT_TYPE,
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
            List<UUID> leads =
                    trustLeads().stream().filter(lead -> !lead.equals(aboutId)).toList();
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
        return Versioned.created(mine(store.find(concern.id()).orElseThrow()), concern.version());
    }

    @Transactional
    public Page<MyConcernView> mine(PageParams page) {
        Adult me = staff.me();
        Cursor.TimeAndId after = page.cursor == null ? null : Cursor.TimeAndId.decode(page.cursor);
        List<Row> rows = store.forReporter(
                me.id(), after == null ? null : after.time(), after == null ? null : after.id(), page.limit() + 1);
        audit.recordReads(
                rows.stream().limit(page.limit()).map(r -> read(r.concern())).toList());
        var evidence = queries.evidence(rows.stream().map(r -> r.concern().id()).toList());
        return Page.of(
                rows.stream()
                        .map(r -> mine(r, evidence.getOrDefault(r.concern().id(), List.of())))
                        .toList(),
                page.limit(),
                v -> Cursor.TimeAndId.encode(v.raisedAt(), v.id()));
    }

    @Transactional
    public Versioned<MyConcernView> myConcern(UUID id) {
        Row row = reported(id);
        audit.recordReads(List.of(read(row.concern())));
        return Versioned.existing(mine(row), row.concern().version());
    }

    /** Keeps a file as evidence of the caller's own open concern: type from the bytes, hash recorded, never changed. */
    @Transactional
    public EvidenceView addEvidence(UUID id, Path file, String fileName, String idempotencyKey) {
        Row row = reported(id);
        row.concern().requireOpen("take more evidence");
        row.concern().whyNoFiles().ifPresent(why -> {
            throw ValidationFailedException.of("file", why);
        });
        long size;
        String mediaType;
        String sha256;
        try {
            size = Files.size(file);
            if (size == 0) {
                throw ValidationFailedException.of("file", "is empty");
            }
            if (size > MAX_EVIDENCE_BYTES) {
                throw ValidationFailedException.of("file", "is larger than 10 MB (" + size + " bytes)");
            }
            try (InputStream in = Files.newInputStream(file)) {
                mediaType = EvidenceType.of(in)
                        .orElseThrow(() -> ValidationFailedException.of(
                                "file", "must be a PNG, JPEG, PDF or plain-text file (judged by its content)"));
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            sha256 = HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not read the uploaded file", e);
        }
        Optional<Idempotency.Replay> earlier = idempotency.claim(
                ADD_EVIDENCE, idempotencyKey, Sha256.hex(id + "\n" + safeName(fileName) + "\n" + sha256));
        if (earlier.isPresent()) {
            UUID first = earlier.get().uuid();
            return queries.evidence(id).stream()
                    .filter(e -> e.id().equals(first))
                    .findFirst()
                    .orElseThrow();
        }
        Instant now = time.now();
        UUID uploader = row.concern().reporterId();
        store.lockAdult(uploader);
        ConcernStore.Recent uploaded = store.uploadedSince(uploader, now.minus(settings.evidenceWindow()));
        if (uploaded.bytes() + size > settings.evidenceQuota().asLongValue()) {
            throw new TooManyRequestsException(
                    "This file would take your evidence over "
                            + settings.evidenceQuota().asLongValue() / (1024 * 1024)
                            + " MB within " + settings.evidenceWindow() + "; nothing was kept. Keep the file and"
                            + " give it to the DSL, or upload it later.",
                    uploaded.oldest() == null
                            ? settings.evidenceWindow()
                            : Duration.between(now, uploaded.oldest().plus(settings.evidenceWindow())));
        }
        // the version bump locks the concern: concurrent uploads count one after the other (at most 20), and the
        // concern's ETag changes with its evidence
        if (!store.touch(id, row.concern().version(), now)) {
            throw new ConflictException("Evidence was added to this concern meanwhile; send the file again.");
        }
        if (store.evidenceCount(id) >= MAX_EVIDENCE_FILES) {
            throw new ConflictException("A concern keeps at most " + MAX_EVIDENCE_FILES + " evidence files.");
        }
        UUID evidenceId = UUID.randomUUID();
        try (InputStream in = Files.newInputStream(file)) {
            store.insertEvidence(
                    evidenceId,
                    id,
                    mediaType,
                    safeName(fileName),
                    size,
                    sha256,
                    new Sql.Stream(in, size),
                    row.concern().reporterId(),
                    now);
        } catch (IOException e) {
            throw new IllegalStateException("Could not store the uploaded file", e);
        }
        changes.record(new AuditEntry(
                ConcernAuditAction.EVIDENCE_ADDED,
                AUDIT_TYPE,
                id.toString(),
                row.concern().schoolUrn(),
                List.of("evidence")));
        idempotency.created(ADD_EVIDENCE, idempotencyKey, evidenceId);
        return new EvidenceView(evidenceId, safeName(fileName), mediaType, size, sha256, now);
    }

    @Transactional
    public ConcernStore.Content myEvidence(UUID id, UUID evidenceId) {
        Row row = reported(id);
        return download(row.concern(), evidenceId);
    }

    // -- Heads and DSLs

    @Transactional
    public Page<ConcernListItem> school(String urn, PageParams page) {
        boolean asTrust = requireHandler(urn);
        Boolean urgent = null;
        Instant raised = null;
        UUID after = null;
        if (page.cursor != null) {
            List<String> keys = Cursor.decode(page.cursor, 3);
            urgent = Boolean.parseBoolean(keys.get(0));
            raised = Cursor.instant(keys.get(1));
            after = Cursor.uuid(keys.get(2));
        }
        List<Row> rows = store.forSchool(urn, staff.me().id(), asTrust, urgent, raised, after, page.limit() + 1);
        audit.recordReads(
                rows.stream().limit(page.limit()).map(r -> read(r.concern())).toList());
        return Page.of(
                rows.stream().map(ConcernService::listItem).toList(),
                page.limit(),
                v -> Cursor.encode(Boolean.toString(v.urgent()), v.raisedAt().toString(), v.id().toString()));
    }

    @Transactional
    public Versioned<ConcernView> get(String urn, UUID id) {
        Row row = handled(urn, id);
        audit.recordReads(List.of(read(row.concern())));
        return Versioned.existing(full(row), row.concern().version());
    }

    @Transactional
    public Versioned<ConcernView> acknowledge(String urn, UUID id, String ifMatch) {
        Row row = handled(urn, id);
        ETags.checkRequired(ifMatch, row.concern().version());
        return move(row, row.concern().acknowledge(), "ACKNOWLEDGED", null, ConcernAuditAction.ACKNOWLEDGED);
    }

    @Transactional
    public Versioned<ConcernView> note(String urn, UUID id, NoteInput input) {
        Row row = handled(urn, id);
        row.concern().requireOpen("take notes");
        Instant now = time.now();
        Versions.require(store.touch(id, row.concern().version(), now), "concern");
        store.append(id, "NOTE", null, input.text().strip(), staff.me().id(), caller.subject(), now);
        changes.record(new AuditEntry(
                ConcernAuditAction.NOTED,
                AUDIT_TYPE,
                id.toString(),
                row.concern().schoolUrn(),
                List.of("timeline")));
        return Versioned.existing(
                full(store.find(id).orElseThrow()), row.concern().version() + 1);
    }

    @Transactional
    public Versioned<ConcernView> action(String urn, UUID id, ActionInput input, String ifMatch) {
        Row row = handled(urn, id);
        ETags.checkRequired(ifMatch, row.concern().version());
        row.concern().requireOpen("record actions");
        Instant now = time.now();
        Versions.require(store.touch(id, row.concern().version(), now), "concern");
        store.append(
                id,
                "ACTION",
                input.action(),
                blankToNull(input.text()),
                staff.me().id(),
                caller.subject(),
                now);
        changes.record(new AuditEntry(
                ConcernAuditAction.ACTION_RECORDED,
                AUDIT_TYPE,
                id.toString(),
                row.concern().schoolUrn(),
                List.of("timeline")));
        return Versioned.existing(
                full(store.find(id).orElseThrow()), row.concern().version() + 1);
    }

    @Transactional
    public Versioned<ConcernView> close(String urn, UUID id, CloseInput input, String ifMatch) {
        Row row = handled(urn, id);
        ETags.checkRequired(ifMatch, row.concern().version());
        Concern closed = row.concern().close(ConcernOutcome.valueOf(input.outcome()), time.now());
        return move(row, closed, "CLOSED", blankToNull(input.text()), ConcernAuditAction.CLOSED);
    }

    @Transactional
    public ConcernStore.Content evidence(String urn, UUID id, UUID evidenceId) {
        return download(handled(urn, id).concern(), evidenceId);
    }

    // -- the Trust

    /** Concerns routed to the Trust, newest first, for its safeguarding leads (ADR 0024); each read is audited. */
    @Transactional
    public Page<ConcernListItem> trustRouted(PageParams page) {
        if (!isTrustLead()) {
            throw new ResourceNotFoundException("You are not one of the Trust's safeguarding leads.");
        }
        Cursor.TimeAndId after = page.cursor == null ? null : Cursor.TimeAndId.decode(page.cursor);
        List<Row> rows = store.trustRouted(
                staff.me().id(),
                after == null ? null : after.time(),
                after == null ? null : after.id(),
                page.limit() + 1);
        audit.recordReads(
                rows.stream().limit(page.limit()).map(r -> read(r.concern())).toList());
        return Page.of(
                rows.stream().map(ConcernService::listItem).toList(),
                page.limit(),
                v -> Cursor.TimeAndId.encode(v.raisedAt(), v.id()));
    }

    /** Open schools and their Heads and DSLs in the register today; {@code gapsOnly}: those missing either. */
    @Transactional
    public ConcernViews.Coverage coverage(boolean gapsOnly) {
        return new ConcernViews.Coverage(queries.coverage(time.today(), gapsOnly));
    }

    @Transactional(dontRollbackOn = ApiException.class)
    public Counts counts() {
        return new Counts(queries.counts());
    }

    // -- rules of access

    private Row reported(UUID id) {
        UUID me = staff.me().id();
        return store.find(id)
                .filter(r -> r.concern().reporterId().equals(me))
                .orElseThrow(() -> new ResourceNotFoundException("You raised no concern " + id + "."));
    }

    /**
     * The caller handles this school's concerns as its Head or DSL, or as a Trust safeguarding lead (then only those
     * routed to the Trust: returns true).
     */
    private boolean requireHandler(String urn) {
        if (caller.safeguardingSchools().contains(urn)) {
            return false;
        }
        if (isTrustLead()) {
            return true;
        }
        throw new ResourceNotFoundException("No school " + urn + " whose concerns you handle.");
    }

    private Row handled(String urn, UUID id) {
        boolean asTrust = requireHandler(urn);
        UUID me = staff.me().id();
        return store.find(id)
                .filter(r -> r.concern().handlingSchools().contains(urn))
                .filter(r ->
                        asTrust ? r.concern().handledByTrust(me) : r.concern().handledBy(Set.of(urn), me))
                .orElseThrow(() -> new ResourceNotFoundException("No concern " + id + " at school " + urn + "."));
    }

    /**
     * A Trust safeguarding lead: the {@code trust-dsl} role, and the token's adult, active in the register, is one of
     * the configured leads (ADR 0024). Fails closed.
     */
    private boolean isTrustLead() {
        if (!caller.has(Role.TRUST_DSL)) {
            return false;
        }
        Adult me = staff.me();
        return me.active() && settings.trustLeads().orElse(List.of()).contains(me.hrId());
    }

    /** The register's adults named as Trust safeguarding leads, active ones only. */
    private List<UUID> trustLeads() {
        List<String> hrIds = settings.trustLeads().orElse(List.of());
        if (hrIds.isEmpty()) {
            return List.of();
        }
        return staff.findByHrIds(Set.copyOf(hrIds)).values().stream()
                .filter(Adult::active)
                .map(Adult::id)
                .toList();
    }

    private Versioned<ConcernView> move(Row row, Concern next, String entry, String text, Action what) {
        Instant now = time.now();
        Versions.require(store.update(next, row.concern().version(), now), "concern");
        store.append(next.id(), entry, null, text, staff.me().id(), caller.subject(), now);
        changes.record(AuditEntry.of(
                        what, AUDIT_TYPE, next.id().toString(), next.aboutAdultId() == null ? next.schoolUrn() : null)
                .withRefs(Map.of("category", next.category().name(), "urgent", Boolean.toString(next.urgent()))));
        return Versioned.existing(full(store.find(next.id()).orElseThrow()), next.version());
    }

    /** The bytes of a piece of evidence already authorised and audited by {@link #evidence} or {@link #myEvidence}. */
    // streamed slice by slice, a statement each, after this returns: a transaction would hold a
    // connection for the whole download
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public StreamingOutput stream(ConcernStore.Content content) {
        return store.stream(content);
    }

    private ConcernStore.Content download(Concern concern, UUID evidenceId) {
        ConcernStore.Content content = store.content(concern.id(), evidenceId)
                .orElseThrow(() -> new ResourceNotFoundException("No evidence " + evidenceId + " on this concern."));
        audit.recordReads(List.of(new AuditEntry(
                ConcernAuditAction.EVIDENCE_READ,
                "concern-evidence",
                evidenceId.toString(),
                concern.schoolUrn(),
                List.of())));
        return content;
    }

    private static AuditEntry read(Concern c) {
        return new AuditEntry(ConcernAuditAction.READ, AUDIT_TYPE, c.id().toString(), c.schoolUrn(), List.of());
    }

    private static ConcernListItem listItem(Row row) {
        Concern c = row.concern();
        return new ConcernListItem(
                c.id(), c.schoolUrn(), c.category(), c.urgent(), c.status(), c.occurredAt(), c.raisedAt(), c.route());
    }

    private MyConcernView mine(Row row) {
        return mine(row, queries.evidence(row.concern().id()));
    }

    private MyConcernView mine(Row row, List<EvidenceView> evidence) {
        Concern c = row.concern();
        return new MyConcernView(
                c.id(),
                c.schoolUrn(),
                c.category(),
                c.urgent(),
                c.status(),
                c.occurredAt(),
                c.platform(),
                c.locationUrl(),
                c.description(),
                c.aboutPupilMisId(),
                row.aboutHrId(),
                c.aboutAccountId(),
                impersonation(c),
                c.raisedAt(),
                evidence,
                c.route());
    }

    private ConcernView full(Row row) {
        Concern c = row.concern();
        return new ConcernView(
                c.id(),
                c.schoolUrn(),
                c.category(),
                c.urgent(),
                c.status(),
                c.outcome(),
                c.occurredAt(),
                c.platform(),
                c.locationUrl(),
                c.description(),
                c.aboutPupilMisId(),
                row.aboutHrId(),
                c.aboutAccountId(),
                impersonation(c),
                row.reporterHrId(),
                c.handlingSchools().stream().sorted().toList(),
                c.raisedAt(),
                c.closedAt(),
                queries.evidence(c.id()),
                queries.timeline(c.id()),
                c.route());
    }

    private static ImpersonationView impersonation(Concern c) {
        if (c.category() != ConcernCategory.IMPERSONATION) {
            return null;
        }
        if (c.officialAccountId() != null) {
            return new ImpersonationView(
                    c.canonicalPlatform(),
                    c.canonicalHandle(),
                    true,
                    c.officialAccountId(),
                    "This is the school's official account, on the register: it is not an impersonation.");
        }
        return new ImpersonationView(
                c.canonicalPlatform(),
                c.canonicalHandle(),
                false,
                null,
                c.canonicalHandle() == null
                        ? "The URL names no account the service recognises; the Head will look at it."
                        : "Not an official account of any school: the Head can report this handle to the platform.");
    }

    static String safeName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"]", "")
                .strip();
        if (base.isEmpty()) {
            base = "evidence";
        }
        return base.length() > 255 ? base.substring(0, 255) : base;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
