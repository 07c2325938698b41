package org.schooltrust.smp.concern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.schooltrust.smp.common.db.Sql;

/** The concern tables (migration V11): the report, its evidence and its timeline, set-based through {@link Sql}. */
@ApplicationScoped
class ConcernStore {

    private static final String COLUMNS =
            "c.id, c.school_urn, c.reporter_adult_id, c.category, c.urgent, c.occurred_at,"
                    + " c.platform, c.location_url, c.description, c.about_pupil_mis_id, c.about_adult_id, c.about_account_id,"
                    + " c.canonical_platform, c.canonical_handle, c.official_account_id, c.handling_schools, c.raised_at,"
                    + " c.status, c.outcome, c.closed_at, c.version, r.hr_id, a.hr_id, c.trust_routed";
    private static final String FROM = " FROM concerns c JOIN adults r ON r.id = c.reporter_adult_id"
            + " LEFT JOIN adults a ON a.id = c.about_adult_id";

    /** A concern with the HR ids a view shows. */
    record Row(Concern concern, String reporterHrId, String aboutHrId) {}

    @Inject
    Sql sql;

    private static Row row(Sql.Row r) throws java.sql.SQLException {
        return new Row(
                new Concern(
                        r.uuid(1),
                        r.string(2),
                        r.uuid(3),
                        r.enumValue(4, ConcernCategory.class),
                        r.bool(5),
                        r.instant(6),
                        r.string(7),
                        r.string(8),
                        r.string(9),
                        r.string(10),
                        r.uuid(11),
                        r.uuid(12),
                        r.string(13),
                        r.string(14),
                        r.uuid(15),
                        Set.copyOf(r.strings(16)),
                        r.instant(17),
                        r.enumValue(18, ConcernStatus.class),
                        r.enumValue(19, ConcernOutcome.class),
                        r.instant(20),
                        r.longValue(21),
                        r.bool(24)),
                r.string(22),
                r.string(23));
    }

    void insert(Concern c) {
        sql.update(
                "record a concern",
                "INSERT INTO concerns (id, school_urn, reporter_adult_id, category, urgent, occurred_at, platform,"
                        + " location_url, description, about_pupil_mis_id, about_adult_id, about_account_id,"
                        + " canonical_platform, canonical_handle, official_account_id, handling_schools, raised_at,"
                        + " status, version, updated_at, trust_routed)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.id(),
                c.schoolUrn(),
                c.reporterId(),
                c.category(),
                c.urgent(),
                c.occurredAt(),
                c.platform(),
                c.locationUrl(),
                c.description(),
                c.aboutPupilMisId(),
                c.aboutAdultId(),
                c.aboutAccountId(),
                c.canonicalPlatform(),
                c.canonicalHandle(),
                c.officialAccountId(),
                c.handlingSchools().stream().sorted().toArray(String[]::new),
                c.raisedAt(),
                c.status(),
                c.version(),
                c.raisedAt(),
                c.trustRouted());
    }

    Optional<Row> find(UUID id) {
        return sql.first("read a concern", "SELECT " + COLUMNS + FROM + " WHERE c.id = ?", ConcernStore::row, id);
    }

    /** Moves the handling state on if the version is still {@code expected}; false when someone changed it first. */
    boolean update(Concern next, long expected, Instant now) {
        return sql.update(
                        "update a concern's handling",
                        "UPDATE concerns SET status = ?, outcome = ?, closed_at = ?, version = ?, updated_at = ?"
                                + " WHERE id = ? AND version = ?",
                        next.status(),
                        next.outcome(),
                        next.closedAt(),
                        next.version(),
                        now,
                        next.id(),
                        expected)
                == 1;
    }

    /** Bumps the version (a note or evidence was added), if it is still {@code expected}. */
    boolean touch(UUID id, long expected, Instant now) {
        return sql.update(
                        "touch a concern",
                        "UPDATE concerns SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                        now,
                        id,
                        expected)
                == 1;
    }

    /**
     * Concerns a Head or DSL of {@code school} handles, urgent first then newest, after the keyset position; without
     * those that name {@code exclude} (the caller).
     */
    List<Row> forSchool(
            String school,
            UUID exclude,
            boolean trustRoutedOnly,
            Boolean urgentAfter,
            Instant raisedAfter,
            UUID idAfter,
            int limit) {
        List<Object> args = new ArrayList<>(List.of(school, exclude));
        String keyset = "";
        if (urgentAfter != null) {
            keyset = " AND (NOT c.urgent, c.raised_at, c.id) > (?, ?, ?)";
            args.add(!urgentAfter);
            args.add(raisedAfter);
            args.add(idAfter);
        }
        args.add(limit);
        // raised_at ascending within urgency keeps the keyset simple: urgent first, oldest (longest waiting) first
        return sql.list(
                "list a school's concerns",
                "SELECT " + COLUMNS + FROM + " WHERE c.handling_schools @> ARRAY[?]::text[]"
                        + " AND c.about_adult_id IS DISTINCT FROM ?" + (trustRoutedOnly ? " AND c.trust_routed" : "")
                        + keyset
                        + " ORDER BY NOT c.urgent, c.raised_at, c.id LIMIT ?",
                ConcernStore::row,
                args.toArray());
    }

    /** Concerns routed to the Trust, newest first, never those about {@code exclude} (ADR 0024). */
    List<Row> trustRouted(UUID exclude, Instant raisedBefore, UUID idBefore, int limit) {
        return sql.list(
                "list the concerns routed to the Trust",
                "SELECT " + COLUMNS + FROM + " WHERE c.trust_routed AND c.about_adult_id IS DISTINCT FROM ?"
                        + " AND (?::timestamptz IS NULL OR (c.raised_at, c.id) < (?, ?))"
                        + " ORDER BY c.raised_at DESC, c.id DESC LIMIT ?",
                ConcernStore::row,
                exclude,
                raisedBefore,
                raisedBefore,
                idBefore,
                limit);
    }

    List<Row> forReporter(UUID reporter, Instant raisedBefore, UUID idBefore, int limit) {
        return sql.list(
                "list my concerns",
                "SELECT " + COLUMNS + FROM + " WHERE c.reporter_adult_id = ?"
                        + " AND (?::timestamptz IS NULL OR (c.raised_at, c.id) < (?, ?))"
                        + " ORDER BY c.raised_at DESC, c.id DESC LIMIT ?",
                ConcernStore::row,
                reporter,
                raisedBefore,
                raisedBefore,
                idBefore,
                limit);
    }

    boolean accountExists(UUID account) {
        return sql.first(
                        "check a social account exists",
                        "SELECT 1 FROM social_accounts WHERE id = ?",
                        r -> true,
                        account)
                .isPresent();
    }

    // -- timeline

    void append(UUID concern, String entry, String action, String text, UUID actor, String subject, Instant at) {
        sql.update(
                "append to a concern's timeline",
                "INSERT INTO concern_timeline (id, concern_id, entry, action, text, actor_adult_id, actor_subject, at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(),
                concern,
                entry,
                action,
                text,
                actor,
                subject,
                at);
    }

    // -- evidence

    /** How many of something one adult did since an instant, and when the oldest of them was. */
    record Recent(long count, long bytes, Instant oldest) {}

    /**
     * Serialises one adult's concern writes (raise, upload) so a limit is checked and the write made with nobody else's
     * in between: the adult's register row is locked for the transaction.
     */
    void lockAdult(UUID adult) {
        sql.first("lock an adult's concern writes", "SELECT 1 FROM adults WHERE id = ? FOR UPDATE", r -> true, adult);
    }

    /** Concerns the adult raised after {@code since} ({@code urgentOnly}: urgent ones), other than {@code except}. */
    Recent raisedSince(UUID reporter, Instant since, boolean urgentOnly, UUID except) {
        return sql.first(
                        "count an adult's recent concerns",
                        "SELECT count(*), min(raised_at) FROM concerns WHERE reporter_adult_id = ? AND raised_at > ?"
                                + (urgentOnly ? " AND urgent" : "") + " AND id IS DISTINCT FROM ?",
                        r -> new Recent(r.longValue(1), 0, r.instant(2)),
                        reporter,
                        since,
                        except)
                .orElseThrow();
    }

    /** Evidence bytes the adult uploaded after {@code since}. */
    Recent uploadedSince(UUID uploader, Instant since) {
        return sql.first(
                        "sum an adult's recent evidence",
                        "SELECT count(*), coalesce(sum(size_bytes), 0), min(uploaded_at) FROM concern_evidence"
                                + " WHERE uploaded_by = ? AND uploaded_at > ?",
                        r -> new Recent(r.longValue(1), r.longValue(2), r.instant(3)),
                        uploader,
                        since)
                .orElseThrow();
    }

    int evidenceCount(UUID concern) {
        return sql.first(
                        "count a concern's evidence",
                        "SELECT count(*) FROM concern_evidence WHERE concern_id = ?",
                        r -> r.intValue(1),
                        concern)
                .orElse(0);
    }

    void insertEvidence(
            UUID id,
            UUID concern,
            String mediaType,
            String fileName,
            long size,
            String sha256,
            Sql.Stream content,
            UUID uploader,
            Instant at) {
        sql.update(
                "keep a piece of evidence",
                "INSERT INTO concern_evidence (id, concern_id, media_type, file_name, size_bytes, sha256, content,"
                        + " uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                concern,
                mediaType,
                fileName,
                (int) size,
                sha256,
                content,
                uploader,
                at);
    }

    /** One piece of evidence with its bytes. */
    /** A piece of evidence without its bytes: those are streamed ({@link #copy}). */
    record Content(UUID id, String fileName, String mediaType, long size) {}

    static final String EVIDENCE_SLICE = "SELECT substring(content FROM ? FOR ?) FROM concern_evidence WHERE id = ?";

    Optional<Content> content(UUID concern, UUID evidence) {
        return sql.first(
                "read a piece of evidence",
                "SELECT id, file_name, media_type, size_bytes FROM concern_evidence WHERE concern_id = ? AND id = ?",
                r -> new Content(r.uuid(1), r.string(2), r.string(3), r.longValue(4)),
                concern,
                evidence);
    }

    /**
     * Streams a piece of evidence as a download body, a slice at a time (Sql.copySlices): a slow reader holds neither
     * the file in the heap nor a connection (issue 23). The column is stored uncompressed (V18).
     */
    StreamingOutput stream(Content content) {
        return out -> sql.copySlices("read a slice of evidence", EVIDENCE_SLICE, content.id(), content.size(), out);
    }
}
