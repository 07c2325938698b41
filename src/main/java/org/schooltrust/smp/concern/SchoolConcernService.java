package org.schooltrust.smp.concern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.schooltrust.smp.audit.Action;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.audit.AuditLog;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.db.Versions;
import org.schooltrust.smp.common.error.ApiException;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.common.records.Changed;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.common.web.ETags;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.concern.ConcernInputs.ActionInput;
import org.schooltrust.smp.concern.ConcernInputs.CloseInput;
import org.schooltrust.smp.concern.ConcernInputs.NoteInput;
import org.schooltrust.smp.concern.ConcernStore.Row;
import org.schooltrust.smp.concern.ConcernViews.ConcernListItem;
import org.schooltrust.smp.concern.ConcernViews.ConcernView;
import org.schooltrust.smp.concern.ConcernViews.Counts;
import org.schooltrust.smp.staff.Adult;
import org.schooltrust.smp.staff.StaffService;

/**
 * Concerns as their handlers see them (ADR 0017, 0024): a school's Heads and DSLs — or, for a concern naming an adult,
 * those of the schools that adult works at, never the adult named — and the Trust's safeguarding leads for concerns
 * routed to the Trust. Handling is an append-only timeline; every human read is audited.
 */
@ApplicationScoped
public class SchoolConcernService {

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
    ConcernReads reads;

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
        audit.recordReads(rows.stream()
                .limit(page.limit())
                .map(r -> ConcernReads.read(r.concern()))
                .toList());
        return Page.of(
                rows.stream().map(ConcernReads::listItem).toList(),
                page.limit(),
                v -> Cursor.encode(Boolean.toString(v.urgent()), v.raisedAt().toString(), v.id().toString()));
    }

    @Transactional
    public Versioned<ConcernView> get(String urn, UUID id) {
        Row row = handled(urn, id);
        audit.recordReads(List.of(ConcernReads.read(row.concern())));
        return Versioned.existing(reads.full(row), row.concern().version());
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
                ConcernReads.AUDIT_TYPE,
                id.toString(),
                row.concern().schoolUrn(),
                List.of("timeline")));
        return Versioned.existing(
                reads.full(store.find(id).orElseThrow()), row.concern().version() + 1);
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
                ConcernReads.blankToNull(input.text()),
                staff.me().id(),
                caller.subject(),
                now);
        changes.record(new AuditEntry(
                ConcernAuditAction.ACTION_RECORDED,
                ConcernReads.AUDIT_TYPE,
                id.toString(),
                row.concern().schoolUrn(),
                List.of("timeline")));
        return Versioned.existing(
                reads.full(store.find(id).orElseThrow()), row.concern().version() + 1);
    }

    @Transactional
    public Versioned<ConcernView> close(String urn, UUID id, CloseInput input, String ifMatch) {
        Row row = handled(urn, id);
        ETags.checkRequired(ifMatch, row.concern().version());
        Changed<Concern> closed = row.concern().close(ConcernOutcome.valueOf(input.outcome()), time.now());
        return move(row, closed, "CLOSED", ConcernReads.blankToNull(input.text()), ConcernAuditAction.CLOSED);
    }

    @Transactional
    public ConcernStore.Content evidence(String urn, UUID id, UUID evidenceId) {
        return reads.download(handled(urn, id).concern(), evidenceId);
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
        audit.recordReads(rows.stream()
                .limit(page.limit())
                .map(r -> ConcernReads.read(r.concern()))
                .toList());
        return Page.of(
                rows.stream().map(ConcernReads::listItem).toList(),
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

    /** Streams a piece of evidence already authorised and audited by {@link #evidence}. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public StreamingOutput stream(ConcernStore.Content content) {
        return reads.stream(content);
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

    private Versioned<ConcernView> move(Row row, Changed<Concern> changed, String entry, String text, Action what) {
        Concern next = changed.next();
        Instant now = time.now();
        Versions.require(store.update(next, row.concern().version(), now), "concern");
        store.append(next.id(), entry, null, text, staff.me().id(), caller.subject(), now);
        changes.record(new AuditEntry(
                        what,
                        ConcernReads.AUDIT_TYPE,
                        next.id().toString(),
                        next.aboutAdultId() == null ? next.schoolUrn() : null,
                        changed.fields())
                .withRefs(Map.of("category", next.category().name(), "urgent", Boolean.toString(next.urgent()))));
        return Versioned.existing(reads.full(store.find(next.id()).orElseThrow()), next.version());
    }
}
