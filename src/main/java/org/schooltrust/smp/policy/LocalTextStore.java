package org.schooltrust.smp.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.common.db.Versions;
import org.schooltrust.smp.policy.LocalText.SectionText;

/** Schools' local texts (V30): one row per revision, written whole, a concurrent writer's loss a 412. */
@ApplicationScoped
class LocalTextStore {

    private static final String COLUMNS = "id, version_id, school_urn, revision, status, sections, material, basis_id,"
            + " body_sha256, version, created_at, updated_at, published_at, ended_at";
    private static final TypeReference<List<SectionText>> SECTIONS = new TypeReference<>() {};

    @Inject
    Sql sql;

    @Inject
    ObjectMapper json;

    /** The school's text of this status for the version, locked for update when {@code lock}. */
    Optional<LocalText> find(UUID versionId, String schoolUrn, LocalTextStatus status, boolean lock) {
        return sql.first(
                "read a school's local text",
                "SELECT " + COLUMNS + " FROM policy_local_texts WHERE version_id = ? AND school_urn = ? AND status = ?"
                        + (lock ? " FOR UPDATE" : ""),
                this::map,
                versionId,
                schoolUrn,
                status);
    }

    Optional<LocalText> byId(UUID id) {
        return sql.first(
                "read a local text", "SELECT " + COLUMNS + " FROM policy_local_texts WHERE id = ?", this::map, id);
    }

    /** Every school's published text of one version. */
    List<LocalText> published(UUID versionId) {
        return sql.list(
                "read the published local texts of a version",
                "SELECT " + COLUMNS + " FROM policy_local_texts WHERE version_id = ? AND status = 'PUBLISHED'"
                        + " ORDER BY school_urn",
                this::map,
                versionId);
    }

    /** The revision number of the school's next text for the version. */
    int nextRevision(UUID versionId, String schoolUrn) {
        return sql.first(
                        "number a local text",
                        "SELECT coalesce(max(revision), 0) + 1 FROM policy_local_texts WHERE version_id = ?"
                                + " AND school_urn = ?",
                        row -> row.intValue(1),
                        versionId,
                        schoolUrn)
                .orElse(1);
    }

    /** Revisions of local texts by id, for the acknowledgements that bound them. */
    Map<UUID, Integer> revisions(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return sql
                .list(
                        "read local text revisions",
                        "SELECT id, revision FROM policy_local_texts WHERE id = ANY(?)",
                        row -> Map.entry(row.uuid(1), row.intValue(2)),
                        (Object) ids.toArray(UUID[]::new))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Schools the current version of {@code slug} covers where it needs a local text and none is published: where it
     * is not yet in force.
     */
    Set<String> awaiting(String slug) {
        return new TreeSet<>(sql.list(
                "read schools awaiting a local text",
                "SELECT s.urn FROM policy_versions v JOIN policies p ON p.id = v.policy_id CROSS JOIN schools s"
                        + " WHERE p.slug = ? AND v.status = 'PUBLISHED'"
                        + " AND jsonb_path_exists(v.local_sections, '$[*] ? (@.required == true)')"
                        + " AND (v.all_schools OR jsonb_exists(v.school_urns, s.urn))"
                        + " AND NOT EXISTS (SELECT 1 FROM policy_local_texts t WHERE t.version_id = v.id"
                        + " AND t.school_urn = s.urn AND t.status = 'PUBLISHED')",
                row -> row.string(1),
                slug));
    }

    void insert(LocalText t) {
        sql.update(
                "record a local text",
                "INSERT INTO policy_local_texts (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)",
                t.id(),
                t.versionId(),
                t.schoolUrn(),
                t.revision(),
                t.status(),
                sections(t.sections()),
                t.material(),
                t.basisId(),
                t.bodySha256(),
                t.version(),
                t.createdAt(),
                t.updatedAt(),
                t.publishedAt(),
                t.endedAt());
    }

    /** Writes the next state of a text read at {@code next.version() - 1}; a writer who got there first makes 412. */
    void update(LocalText next) {
        int written = sql.update(
                "update a local text",
                "UPDATE policy_local_texts SET status = ?, sections = ?::jsonb, material = ?, basis_id = ?,"
                        + " body_sha256 = ?, version = ?, updated_at = ?, published_at = ?, ended_at = ?"
                        + " WHERE id = ? AND version = ?",
                next.status(),
                sections(next.sections()),
                next.material(),
                next.basisId(),
                next.bodySha256(),
                next.version(),
                next.updatedAt(),
                next.publishedAt(),
                next.endedAt(),
                next.id(),
                next.version() - 1);
        Versions.require(written == 1, "local text");
    }

    private LocalText map(Sql.Row row) throws SQLException {
        return new LocalText(
                row.uuid(1),
                row.uuid(2),
                row.string(3),
                row.intValue(4),
                row.enumValue(5, LocalTextStatus.class),
                parse(row.string(6)),
                row.bool(7),
                row.uuid(8),
                row.string(9),
                row.longValue(10),
                row.instant(11),
                row.instant(12),
                row.instant(13),
                row.instant(14));
    }

    private String sections(List<SectionText> sections) {
        try {
            return json.writeValueAsString(sections);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<SectionText> parse(String text) {
        try {
            return json.readValue(text, SECTIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
