package org.schooltrust.smp.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.schooltrust.smp.common.db.Sql;

/** The subject-access export's statements (issue 24): every section read as JSON by PostgreSQL, evidence by slices. */
@ApplicationScoped
class SubjectAccessQueries {

    static final String WITHHELD_CONCERN = "A concern raised about the subject: withheld so as not to prejudice"
            + " safeguarding or the prevention of harm (DPA 2018 Sch. 2 para. 2 and Sch. 3; Keeping Children Safe in"
            + " Education). Its existence is disclosed; its content and the reporter are not.";
    static final String WITHHELD_NOTES = "The Head's or DSL's handling notes and actions: information about"
            + " other people and their views (DPA 2018 Sch. 2 para. 16).";
    static final String REVIEW_PUPIL = "A pupil's MIS id and name: another person's data. Release only what"
            + " the subject gave and may know; review before release (DPA 2018 Sch. 2 para. 16).";
    static final String REVIEW_CONCERN = "What the subject reported may name pupils or other adults: review"
            + " and redact other people's data before release (DPA 2018 Sch. 2 para. 16).";
    static final String WITHHELD_RECORD = "The Head's record of the declaration (question, protocols agreed,"
            + " notes, reasons): another person's notes (DPA 2018 Sch. 2 para. 16).";

    @Inject
    Sql sql;

    /** A file of concern evidence the subject uploaded. */
    record EvidenceFile(UUID id, String name, long size) {}

    Optional<UUID> subject(String hrId) {
        return sql.first("find the subject", "SELECT id FROM adults WHERE hr_id = ?", r -> r.uuid(1), hrId);
    }

    void recordExport(
            UUID exportId,
            UUID adult,
            String reference,
            String reason,
            boolean openConcernsShown,
            String by,
            Instant at) {
        sql.update(
                "record a subject-access export",
                "INSERT INTO subject_access_exports (id, subject_adult_id, request_reference, reason,"
                        + " open_concerns_shown, exported_by, exported_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                exportId,
                adult,
                reference,
                reason,
                openConcernsShown,
                by,
                at);
    }

    /** One row of a declared section, as a JSON object ({@code null} when there is none). */
    String row(String name, String query, Object... args) {
        return sql.first("export: " + name, "SELECT row_to_json(x) FROM (" + query + ") x", r -> r.string(1), args)
                .orElse("null");
    }

    /** The rows of a section, as a JSON array. */
    String rows(String name, String query, Object... args) {
        return sql.first(
                        "export: " + name,
                        "SELECT coalesce(json_agg(row_to_json(x)), '[]')::text FROM (" + query + ") x",
                        r -> r.string(1),
                        args)
                .orElse("[]");
    }

    /** The audit events about the subject or by them, as a JSON array. */
    String auditEvents(String hrId, UUID adult) {
        // matched on (target_type, target_id): an HR id equal to some other record's id pulls nothing else;
        // of a concern the subject raised, only their own acts (raising, evidence), never the handlers'
        return rows(
                "auditEvents",
                "WITH mine (type, id) AS (SELECT 'adult', ?::text UNION ALL SELECT 'acknowledgement', id::text FROM"
                        + " acknowledgements WHERE adult_id = ? UNION ALL SELECT 'family-declaration', id::text FROM"
                        + " family_declarations WHERE adult_id = ? UNION ALL SELECT 'family-nil-return', id::text FROM"
                        + " family_nil_returns WHERE adult_id = ? UNION ALL SELECT 'reminder', id::text FROM"
                        + " reminder_messages WHERE recipient_adult_id = ? UNION ALL SELECT 'permission', id::text FROM"
                        + " express_permissions WHERE adult_id = ?),"
                        + " raised AS (SELECT id::text AS id FROM concerns WHERE reporter_adult_id = ?),"
                        + " subjects AS (SELECT proposer_subject AS s FROM social_accounts WHERE proposer_adult_id = ?"
                        + " UNION SELECT actor_subject FROM concern_timeline WHERE actor_adult_id = ?)"
                        + " SELECT e.id, e.occurred_at, e.actor_subject, e.action, e.target_type, e.target_id, e.school_urn,"
                        + " e.changed_fields, e.chain FROM audit_events e WHERE (e.target_type, e.target_id) IN"
                        + " (SELECT type, id FROM mine) OR (e.target_type = 'concern' AND e.target_id IN (SELECT id FROM"
                        + " raised) AND e.action IN ('concern.raised', 'concern.evidence-added'))"
                        + " OR (e.actor_subject IN (SELECT s FROM subjects) AND NOT (e.target_type = 'concern' AND"
                        + " e.target_id IN (SELECT id::text FROM concerns WHERE about_adult_id = ?)))"
                        + " ORDER BY e.id",
                hrId,
                adult,
                adult,
                adult,
                adult,
                adult,
                adult,
                adult,
                adult,
                adult);
    }

    /** What is held but withheld from the export, and why, as a JSON array. */
    String withheld(UUID adult, boolean includeOpenConcernsAboutSubject) {

        return rows(
                "withheld",
                "SELECT 'CONCERN_ABOUT_SUBJECT' AS kind, id, ? AS reason FROM concerns WHERE about_adult_id = ?"
                        + " AND (status = 'CLOSED' OR ?)"
                        + " UNION ALL SELECT 'CONCERN_HANDLING_NOTES', c.id, ? FROM concerns c WHERE c.reporter_adult_id = ?"
                        + " AND EXISTS (SELECT 1 FROM concern_timeline t WHERE t.concern_id = c.id)"
                        + " UNION ALL SELECT 'DECLARATION_HEAD_RECORD', id, ? FROM family_declarations WHERE adult_id = ?"
                        + " AND (agreed_protocols IS NOT NULL OR head_note IS NOT NULL OR info_question IS NOT NULL"
                        + " OR decline_reason IS NOT NULL OR end_note IS NOT NULL)",
                WITHHELD_CONCERN,
                adult,
                includeOpenConcernsAboutSubject,
                WITHHELD_NOTES,
                adult,
                WITHHELD_RECORD,
                adult);
    }

    /** What a person reviews for third parties before release, as a JSON array. */
    String redactionReview(UUID adult) {
        // third parties in what the subject wrote or was given: a person reviews these before release
        return rows(
                "redactionReview",
                "SELECT 'familyDeclarations' AS section, id, ARRAY['pupil_mis_id', 'pupil_name']::text[] AS fields,"
                        + " ? AS why FROM family_declarations WHERE adult_id = ?"
                        + " UNION ALL SELECT 'concernsRaised', id, array_remove(ARRAY[CASE WHEN about_pupil_mis_id IS NOT"
                        + " NULL THEN 'about_pupil_mis_id' END, 'description', CASE WHEN location_url IS NOT NULL THEN"
                        + " 'location_url' END], NULL), ? FROM concerns WHERE reporter_adult_id = ?",
                REVIEW_PUPIL,
                adult,
                REVIEW_CONCERN,
                adult);
    }

    List<EvidenceFile> evidenceOf(String hrId) {
        return sql.list(
                "list the subject's evidence",
                "SELECT e.id, e.file_name, e.size_bytes FROM concern_evidence e JOIN concerns c ON c.id = e.concern_id"
                        + " JOIN adults a ON a.id = c.reporter_adult_id WHERE a.hr_id = ? AND e.uploaded_by = a.id"
                        + " ORDER BY e.uploaded_at",
                r -> new EvidenceFile(r.uuid(1), r.string(2), r.longValue(3)),
                hrId);
    }

    /** Copies one file a slice at a time (the heap holds one slice, never the evidence). */
    void copyEvidence(EvidenceFile file, OutputStream out) throws java.io.IOException {
        sql.copySlices(
                "read a slice of the subject's evidence",
                "SELECT substring(content FROM ? FOR ?) FROM concern_evidence WHERE id = ?",
                file.id(),
                file.size(),
                out);
    }
}
