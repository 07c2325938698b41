package org.schooltrust.smp.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.error.ApiException;
import org.schooltrust.smp.common.error.ConflictException;
import org.schooltrust.smp.common.error.FieldError;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.error.ValidationFailedException;
import org.schooltrust.smp.common.records.Changed;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.common.web.ETags;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.policy.LocalText.SectionText;
import org.schooltrust.smp.policy.LocalTextViews.LocalTextInput;
import org.schooltrust.smp.policy.LocalTextViews.LocalTextView;
import org.schooltrust.smp.policy.LocalTextViews.SchoolTextView;
import org.schooltrust.smp.policy.LocalTextViews.SectionInput;
import org.schooltrust.smp.school.SchoolService;

/**
 * Schools' local sections (issue 27; ADR 0028): a Head of the school (or trust-admin) drafts and publishes the school's
 * text for a published Trust version; every reader sees the school's document; acknowledgements bind it.
 */
@ApplicationScoped
public class LocalTextService {

    static final String AUDIT_TYPE = "policy-local-text";

    @Inject
    PolicyService policies;

    @Inject
    LocalTextStore store;

    @Inject
    SchoolService schools;

    @Inject
    ChangeLog changes;

    @Inject
    Caller caller;

    @Inject
    TimeSource time;

    /** What binds an acknowledgement at a school: whether the version is in force there, and what is read. */
    public record Binding(
            boolean inForce, List<String> missing, UUID localTextId, Integer revision, String bodySha256) {}

    /** The school's document for a version (a draft version only to trust-admin); any school of the Trust. */
    @Transactional(dontRollbackOn = ApiException.class)
    public SchoolTextView schoolText(String urn, String slug, String label) {
        schools.get(urn);
        PolicyVersion v = policies.version(slug, label);
        Optional<LocalText> published = store.find(v.id(), urn, LocalTextStatus.PUBLISHED, false);
        List<SectionText> sections = published.map(LocalText::sections).orElse(List.of());
        List<Clause> clauses = new ArrayList<>(v.clauses());
        clauses.addAll(LocalText.localClauses(v, sections));
        List<String> missing = LocalText.missingRequired(v, sections);
        return new SchoolTextView(
                slug,
                label,
                urn,
                missing.isEmpty(),
                missing,
                sections.isEmpty() ? v.body() : LocalText.document(v, sections),
                LocalText.sha256(v, sections),
                clauses,
                v.statements(),
                published.map(LocalText::revision).orElse(null),
                published.map(LocalText::publishedAt).orElse(null));
    }

    /** One clause of the school's document: the Trust's, or one of the school's sections. */
    @Transactional(dontRollbackOn = ApiException.class)
    public Clause schoolClause(String urn, String slug, String label, String number) {
        return schoolText(urn, slug, label).clauses().stream()
                .filter(c -> c.number().equals(number))
                .findFirst()
                .orElseThrow(() -> new ResourceNotFoundException(
                        "No clause " + number + " in " + slug + " " + label + " at school " + urn + "."));
    }

    /** The school's published text; 404 when it has none. */
    @Transactional(dontRollbackOn = ApiException.class)
    public Versioned<LocalTextView> published(String urn, String slug, String label) {
        schools.get(urn);
        PolicyVersion v = policies.version(slug, label);
        LocalText t = store.find(v.id(), urn, LocalTextStatus.PUBLISHED, false)
                .orElseThrow(() -> new ResourceNotFoundException(
                        "School " + urn + " has published no local text for " + slug + " " + label + "."));
        return Versioned.existing(LocalTextView.of(v, t), t.version());
    }

    /** The school's draft, for its Head or trust-admin; 404 for anyone else and when there is none. */
    @Transactional(dontRollbackOn = ApiException.class)
    public Versioned<LocalTextView> draft(String urn, String slug, String label) {
        PolicyVersion v = editable(urn, slug, label);
        LocalText t = store.find(v.id(), urn, LocalTextStatus.DRAFT, false)
                .orElseThrow(() -> new ResourceNotFoundException(
                        "School " + urn + " has no draft local text for " + slug + " " + label + "."));
        return Versioned.existing(LocalTextView.of(v, t), t.version());
    }

    /**
     * Creates or replaces the school's draft (If-Match optional only when creating: ADR 0012). Sections must be ones
     * the version declares, each once.
     */
    @Transactional
    public Versioned<LocalTextView> saveDraft(
            String urn, String slug, String label, LocalTextInput input, String ifMatch) {
        PolicyVersion v = editable(urn, slug, label);
        List<SectionText> sections = validated(v, input);
        Instant now = time.now();
        Optional<LocalText> current = store.find(v.id(), urn, LocalTextStatus.DRAFT, true);
        ETags.checkIfPresent(ifMatch, current.map(LocalText::version).orElse(null));
        if (current.isEmpty()) {
            LocalText created =
                    LocalText.draft(v, urn, store.nextRevision(v.id(), urn), sections, input.material(), now);
            store.insert(created);
            changes.record(new AuditEntry(
                    PolicyAction.LOCAL_TEXT_DRAFTED, AUDIT_TYPE, ref(slug, label, urn), urn, List.of("sections")));
            return Versioned.created(LocalTextView.of(v, created), created.version());
        }
        Changed<LocalText> changed = current.get().edit(v, sections, input.material(), now);
        if (!changed.fields().isEmpty()) {
            store.update(changed.next());
            changes.record(new AuditEntry(
                    PolicyAction.LOCAL_TEXT_EDITED, AUDIT_TYPE, ref(slug, label, urn), urn, changed.fields()));
        }
        return Versioned.existing(
                LocalTextView.of(v, changed.next()), changed.next().version());
    }

    /** Publishes the draft (If-Match required); the school's text before it is superseded. */
    @Transactional
    public Versioned<LocalTextView> publish(String urn, String slug, String label, String ifMatch) {
        PolicyVersion v = editable(urn, slug, label);
        LocalText draft = store.find(v.id(), urn, LocalTextStatus.DRAFT, true)
                .orElseThrow(() -> new ResourceNotFoundException(
                        "School " + urn + " has no draft local text for " + slug + " " + label + "."));
        ETags.checkRequired(ifMatch, draft.version());
        Instant now = time.now();
        Optional<LocalText> current = store.find(v.id(), urn, LocalTextStatus.PUBLISHED, true);
        LocalText published = draft.publish(v, current, now);
        current.ifPresent(c -> {
            store.update(c.supersede(now));
            changes.record(new AuditEntry(
                    PolicyAction.LOCAL_TEXT_SUPERSEDED, AUDIT_TYPE, ref(slug, label, urn), urn, List.of("status")));
        });
        store.update(published);
        changes.record(AuditEntry.of(PolicyAction.LOCAL_TEXT_PUBLISHED, AUDIT_TYPE, ref(slug, label, urn), urn)
                .withRefs(Map.of(
                        "revision", Integer.toString(published.revision()),
                        "material", Boolean.toString(published.material()))));
        return Versioned.existing(LocalTextView.of(v, published), published.version());
    }

    /** For an acknowledgement at {@code urn}: no role check (the acknowledging service has made its own). */
    @Transactional(dontRollbackOn = ApiException.class)
    public Binding bindingAt(PolicyVersion v, String urn) {
        Optional<LocalText> published = store.find(v.id(), urn, LocalTextStatus.PUBLISHED, false);
        List<SectionText> sections = published.map(LocalText::sections).orElse(List.of());
        List<String> missing = LocalText.missingRequired(v, sections);
        return new Binding(
                missing.isEmpty(),
                missing,
                published.map(LocalText::id).orElse(null),
                published.map(LocalText::revision).orElse(null),
                LocalText.sha256(v, sections));
    }

    /** Revisions of the local texts acknowledgements bound, by id. */
    @Transactional(dontRollbackOn = ApiException.class)
    public Map<UUID, Integer> revisions(java.util.Collection<UUID> ids) {
        return store.revisions(ids);
    }

    /** Schools where the current version of {@code slug} waits for the school's local text (no role check). */
    @Transactional(dontRollbackOn = ApiException.class)
    public Set<String> awaitingSchools(String slug) {
        return store.awaiting(slug);
    }

    /** When the Trust publishes {@code next}: each school's text of {@code previous} carried to it where it can be. */
    void carryForward(PolicyVersion previous, PolicyVersion next, Instant now) {
        for (LocalText t : store.published(previous.id())) {
            t.carriedTo(next, now).ifPresent(carried -> {
                store.insert(carried);
                changes.record(AuditEntry.of(
                                PolicyAction.LOCAL_TEXT_PUBLISHED,
                                AUDIT_TYPE,
                                ref(next.policy().slug(), next.label(), t.schoolUrn()),
                                t.schoolUrn())
                        .withRefs(Map.of("revision", "1", "material", "false", "carriedFrom", previous.label())));
            });
        }
    }

    private PolicyVersion editable(String urn, String slug, String label) {
        if (!caller.has(Role.TRUST_ADMIN) && !caller.isHeadOf(urn)) {
            throw new ResourceNotFoundException("No school " + urn + " among your schools.");
        }
        schools.get(urn);
        PolicyVersion v = policies.version(slug, label);
        if (!v.isCurrent()) {
            throw new ConflictException("Version " + label + " is " + v.status()
                    + "; a school writes its local text for the current published version.");
        }
        if (!v.covers(urn)) {
            throw new ConflictException("Version " + label + " does not apply to school " + urn + ".");
        }
        if (v.localSections().isEmpty()) {
            throw new ConflictException("Version " + label + " declares no local sections.");
        }
        return v;
    }

    private static List<SectionText> validated(PolicyVersion v, LocalTextInput input) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<SectionText> sections = new ArrayList<>();
        for (int i = 0; i < input.sections().size(); i++) {
            SectionInput s = input.sections().get(i);
            if (v.localSection(s.key()).isEmpty()) {
                errors.add(new FieldError("sections[" + i + "].key", "is not a local section of this version"));
            } else if (!seen.add(s.key())) {
                errors.add(new FieldError("sections[" + i + "].key", "repeats another section"));
            } else {
                sections.add(new SectionText(s.key(), s.text()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        return sections;
    }

    private static String ref(String slug, String label, String urn) {
        return slug + "@" + label + "@" + urn;
    }
}
