package org.schooltrust.smp.concern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.audit.AuditLog;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.concern.ConcernStore.Row;
import org.schooltrust.smp.concern.ConcernViews.ConcernListItem;
import org.schooltrust.smp.concern.ConcernViews.ConcernView;
import org.schooltrust.smp.concern.ConcernViews.EvidenceView;
import org.schooltrust.smp.concern.ConcernViews.ImpersonationView;
import org.schooltrust.smp.concern.ConcernViews.MyConcernView;
import org.schooltrust.smp.socialaccount.RegisterService;
import org.schooltrust.smp.staff.Adult;
import org.schooltrust.smp.staff.StaffService;

/**
 * What both sides of concerns share (ADR 0017): the views of a concern for its reporter and its handlers, an audited
 * read of a piece of evidence and its stream, and who the Trust's safeguarding leads are in the register.
 */
@ApplicationScoped
class ConcernReads {

    static final String AUDIT_TYPE = "concern";

    @Inject
    ConcernStore store;

    @Inject
    ConcernQueries queries;

    @Inject
    StaffService staff;

    @Inject
    SafeguardingSettings settings;

    @Inject
    AuditLog audit;

    @Inject
    RegisterService register;

    /** The bytes of a piece of evidence already authorised and audited by {@link #evidence} or {@link #myEvidence}. */
    // streamed slice by slice, a statement each, after this returns: a transaction would hold a
    // connection for the whole download
    StreamingOutput stream(ConcernStore.Content content) {
        return store.stream(content);
    }

    ConcernStore.Content download(Concern concern, UUID evidenceId) {
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

    static AuditEntry read(Concern c) {
        return new AuditEntry(
                ConcernAuditAction.READ, ConcernReads.AUDIT_TYPE, c.id().toString(), c.schoolUrn(), List.of());
    }

    static ConcernListItem listItem(Row row) {
        Concern c = row.concern();
        return new ConcernListItem(
                c.id(), c.schoolUrn(), c.category(), c.urgent(), c.status(), c.occurredAt(), c.raisedAt(), c.route());
    }

    MyConcernView mine(Row row) {
        return mine(row, queries.evidence(row.concern().id()));
    }

    MyConcernView mine(Row row, List<EvidenceView> evidence) {
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

    ConcernView full(Row row) {
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

    static ImpersonationView impersonation(Concern c) {
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

    /** The register's adults named as Trust safeguarding leads, active ones only. */
    List<UUID> trustLeads() {
        List<String> hrIds = settings.trustLeads().orElse(List.of());
        if (hrIds.isEmpty()) {
            return List.of();
        }
        return staff.findByHrIds(Set.copyOf(hrIds)).values().stream()
                .filter(Adult::active)
                .map(Adult::id)
                .toList();
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

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
