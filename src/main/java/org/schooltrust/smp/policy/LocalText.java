package org.schooltrust.smp.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.schooltrust.smp.common.error.IllegalTransitionException;
import org.schooltrust.smp.common.records.Changed;
import org.schooltrust.smp.common.text.Sha256;

/**
 * One school's text for the local sections of one Trust version (issue 27; ADR 0028), in the record + versioned-store
 * style (ADR 0012): {@code DRAFT → PUBLISHED → SUPERSEDED}. What an adult at the school reads and acknowledges is the
 * {@link #document} — the Trust body, then the school's sections — and {@link #bodySha256} is its SHA-256. A material
 * publication asks the school's adults to acknowledge again; a non-material one keeps the basis of the text before it.
 */
public record LocalText(
        UUID id,
        UUID versionId,
        String schoolUrn,
        int revision,
        LocalTextStatus status,
        List<SectionText> sections,
        boolean material,
        UUID basisId,
        String bodySha256,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        Instant endedAt) {

    /** The school's text for one declared section. */
    public record SectionText(String key, String text) {}

    public LocalText {
        sections = List.copyOf(sections);
    }

    static LocalText draft(
            PolicyVersion trust,
            String schoolUrn,
            int revision,
            List<SectionText> sections,
            boolean material,
            Instant now) {
        List<SectionText> ordered = ordered(trust, sections);
        return new LocalText(
                UUID.randomUUID(),
                trust.id(),
                schoolUrn,
                revision,
                LocalTextStatus.DRAFT,
                ordered,
                material,
                null,
                sha256(trust, ordered),
                1,
                now,
                now,
                null,
                null);
    }

    /** Replaces a draft's sections and materiality. Anything but a draft is refused. */
    Changed<LocalText> edit(PolicyVersion trust, List<SectionText> newSections, boolean newMaterial, Instant now) {
        require(LocalTextStatus.DRAFT, "edit");
        List<SectionText> ordered = ordered(trust, newSections);
        List<String> changed = new ArrayList<>();
        if (!ordered.equals(sections)) {
            changed.add("sections");
        }
        if (newMaterial != material) {
            changed.add("material");
        }
        if (changed.isEmpty()) {
            return Changed.none(this);
        }
        return new Changed<>(
                new LocalText(
                        id,
                        versionId,
                        schoolUrn,
                        revision,
                        status,
                        ordered,
                        newMaterial,
                        basisId,
                        sha256(trust, ordered),
                        version + 1,
                        createdAt,
                        now,
                        publishedAt,
                        endedAt),
                changed);
    }

    /**
     * Publishes this draft: every required section must be written. The school's first text, and a material one, is
     * its own basis; a non-material one keeps the basis of the text it replaces.
     */
    LocalText publish(PolicyVersion trust, Optional<LocalText> current, Instant now) {
        require(LocalTextStatus.DRAFT, "publish");
        List<String> missing = missingRequired(trust, sections);
        if (!missing.isEmpty()) {
            throw new IllegalTransitionException(
                    "Cannot publish: required local sections are not written: " + String.join(", ", missing) + ".");
        }
        UUID basis = material || current.isEmpty() ? id : current.get().basisId();
        return new LocalText(
                id,
                versionId,
                schoolUrn,
                revision,
                LocalTextStatus.PUBLISHED,
                sections,
                material,
                basis,
                sha256(trust, sections),
                version + 1,
                createdAt,
                now,
                now,
                null);
    }

    LocalText supersede(Instant now) {
        require(LocalTextStatus.PUBLISHED, "supersede");
        return new LocalText(
                id,
                versionId,
                schoolUrn,
                revision,
                LocalTextStatus.SUPERSEDED,
                sections,
                material,
                basisId,
                bodySha256,
                version + 1,
                createdAt,
                now,
                publishedAt,
                now);
    }

    /**
     * This published text carried to the Trust's next version, when that version is published: the sections it still
     * declares, the same basis (the school's adults are not asked again for it), or nothing when a required section of
     * the next version is not written — then the policy waits for the school there.
     */
    Optional<LocalText> carriedTo(PolicyVersion next, Instant now) {
        require(LocalTextStatus.PUBLISHED, "carry forward");
        List<SectionText> kept = ordered(
                next,
                sections.stream()
                        .filter(s -> next.localSection(s.key()).isPresent())
                        .toList());
        if (!missingRequired(next, kept).isEmpty() || next.localSections().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LocalText(
                UUID.randomUUID(),
                next.id(),
                schoolUrn,
                1,
                LocalTextStatus.PUBLISHED,
                kept,
                false,
                basisId,
                sha256(next, kept),
                1,
                now,
                now,
                now,
                null));
    }

    /** The school's document: the Trust body, then each written section as its clause, in the version's order. */
    public static String document(PolicyVersion trust, List<SectionText> sections) {
        StringBuilder doc = new StringBuilder(trust.body());
        for (Clause clause : localClauses(trust, sections)) {
            doc.append("\n\n").append(clause.number()).append(' ').append(clause.heading());
            doc.append("\n\n").append(clause.text());
        }
        return doc.toString();
    }

    /** The SHA-256 an adult at the school quotes: of the Trust body alone when the school has no text. */
    public static String sha256(PolicyVersion trust, List<SectionText> sections) {
        return sections.isEmpty() ? trust.bodySha256() : Sha256.hex(document(trust, sections));
    }

    /** The written sections as clauses (number and title from the version's declaration). */
    public static List<Clause> localClauses(PolicyVersion trust, List<SectionText> sections) {
        Map<String, String> byKey = new LinkedHashMap<>();
        sections.forEach(s -> byKey.put(s.key(), s.text()));
        return trust.localSections().stream()
                .filter(s -> byKey.containsKey(s.key()))
                .map(s -> new Clause(s.number(), s.title(), byKey.get(s.key())))
                .toList();
    }

    /** Keys of the version's required sections that are not written. */
    public static List<String> missingRequired(PolicyVersion trust, List<SectionText> sections) {
        return trust.localSections().stream()
                .filter(LocalSection::isRequired)
                .map(LocalSection::key)
                .filter(key -> sections.stream().noneMatch(s -> s.key().equals(key)))
                .toList();
    }

    private static List<SectionText> ordered(PolicyVersion trust, List<SectionText> sections) {
        return trust.localSections().stream()
                .flatMap(d -> sections.stream().filter(s -> s.key().equals(d.key())))
                .map(s -> new SectionText(s.key(), s.text().strip()))
                .toList();
    }

    private void require(LocalTextStatus required, String action) {
        if (!Objects.equals(status, required)) {
            throw new IllegalTransitionException(
                    "Cannot " + action + " this local text: it is " + status + ", not " + required + ".");
        }
    }
}
