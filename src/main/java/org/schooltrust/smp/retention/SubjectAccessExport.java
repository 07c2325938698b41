package org.schooltrust.smp.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.audit.AuditLog;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.records.PersonalData;
import org.schooltrust.smp.common.records.PersonalData.Section;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.time.TimeSource;

/**
 * Everything held about one adult, for a subject-access request (UK GDPR Art. 15; ADR 0019): read set-based, one
 * statement per section, as PostgreSQL renders it. What is about the adult but not theirs to receive — concerns
 * raised about them, other people's notes — is listed as withheld, with the reason. The export is audited.
 */
@ApplicationScoped
public class SubjectAccessExport {

    @Inject
    Instance<PersonalData> features;

    private static final String WITHHELD_CONCERN = "A concern raised about the subject: withheld so as not to prejudice"
            + " safeguarding or the prevention of harm (DPA 2018 Sch. 2 para. 2 and Sch. 3; Keeping Children Safe in"
            + " Education). Its existence is disclosed; its content and the reporter are not.";
    private static final String WITHHELD_NOTES = "The Head's or DSL's handling notes and actions: information about"
            + " other people and their views (DPA 2018 Sch. 2 para. 16).";
    private static final String REVIEW_PUPIL = "A pupil's MIS id and name: another person's data. Release only what"
            + " the subject gave and may know; review before release (DPA 2018 Sch. 2 para. 16).";
    private static final String REVIEW_CONCERN = "What the subject reported may name pupils or other adults: review"
            + " and redact other people's data before release (DPA 2018 Sch. 2 para. 16).";
    private static final String WITHHELD_RECORD = "The Head's record of the declaration (question, protocols agreed,"
            + " notes, reasons): another person's notes (DPA 2018 Sch. 2 para. 16).";

    @Inject
    Sql sql;

    @Inject
    ObjectMapper json;

    @Inject
    AuditLog audit;

    @Inject
    TimeSource time;

    @Inject
    Caller caller;

    /**
     * The request an export answers: the Trust's reference and why it is made, and whether concerns about the subject
     * that are still open are listed (withheld) — by default they are left out entirely, since even their existence
     * could tip off the subject of an allegation (KCSIE Part 4).
     */
    public record Request(String reference, String reason, boolean includeOpenConcernsAboutSubject) {}

    /** The export as JSON. */
    @Transactional
    public JsonNode export(String hrId, Request request) {
        UUID adult = sql.first("find the subject", "SELECT id FROM adults WHERE hr_id = ?", r -> r.uuid(1), hrId)
                .orElseThrow(() -> new ResourceNotFoundException("No adult with HR id " + hrId + "."));
        UUID exportId = UUID.randomUUID();
        sql.update(
                "record a subject-access export",
                "INSERT INTO subject_access_exports (id, subject_adult_id, request_reference, reason,"
                        + " open_concerns_shown, exported_by, exported_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                exportId,
                adult,
                request.reference().strip(),
                request.reason().strip(),
                request.includeOpenConcernsAboutSubject(),
                caller.subject(),
                time.now());
        ObjectNode doc = json.createObjectNode();
        doc.put("subject", hrId);
        doc.put("exportId", exportId.toString());
        doc.put("requestReference", request.reference().strip());
        doc.put("generatedAt", time.now().toString());
        doc.put("note", "Everything the Trust Social Media Policy service holds about this adult. Times are UTC.");
        // each feature's own sections, declared where its tables live (PersonalData.sections)
        List<Section> sections = new ArrayList<>();
        features.forEach(f -> sections.addAll(f.sections()));
        sections.sort(Comparator.comparingInt(Section::order));
        for (Section declared : sections) {
            Object[] args = new Object
                    [(int) declared.query().chars().filter(ch -> ch == '?').count()];
            Arrays.fill(args, adult);
            if (declared.single()) {
                section(doc, declared.name(), "SELECT row_to_json(x) FROM (" + declared.query() + ") x", args);
            } else {
                list(doc, declared.name(), declared.query(), args);
            }
        }
        list(
                doc,
                "auditEvents",
                // matched on (target_type, target_id): an HR id equal to some other record's id pulls nothing else;
                // of a concern the subject raised, only their own acts (raising, evidence), never the handlers'
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
        list(
                doc,
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
                request.includeOpenConcernsAboutSubject(),
                WITHHELD_NOTES,
                adult,
                WITHHELD_RECORD,
                adult);
        list(
                doc,
                "redactionReview",
                // third parties in what the subject wrote or was given: a person reviews these before release
                "SELECT 'familyDeclarations' AS section, id, ARRAY['pupil_mis_id', 'pupil_name']::text[] AS fields,"
                        + " ? AS why FROM family_declarations WHERE adult_id = ?"
                        + " UNION ALL SELECT 'concernsRaised', id, array_remove(ARRAY[CASE WHEN about_pupil_mis_id IS NOT"
                        + " NULL THEN 'about_pupil_mis_id' END, 'description', CASE WHEN location_url IS NOT NULL THEN"
                        + " 'location_url' END], NULL), ? FROM concerns WHERE reporter_adult_id = ?",
                REVIEW_PUPIL,
                adult,
                REVIEW_CONCERN,
                adult);
        audit.record(new AuditEntry(
                "subject-access.exported",
                "subject-access-export",
                exportId.toString(),
                null,
                List.of("requestReference", "reason")));
        return doc;
    }

    /**
     * The export and the subject's own concern evidence, as a zip written while it is sent: the JSON is made (and the
     * export recorded and audited) in this transaction; each file is then copied a slice at a time (Sql.copySlices),
     * so the heap holds one slice, never the evidence (issue 23).
     */
    @Transactional
    public StreamingOutput zip(String hrId, Request request) {
        JsonNode doc = export(hrId, request);
        byte[] document;
        try {
            document = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<Object[]> files = sql.list(
                "list the subject's evidence",
                "SELECT e.id, e.file_name, e.size_bytes FROM concern_evidence e JOIN concerns c ON c.id = e.concern_id"
                        + " JOIN adults a ON a.id = c.reporter_adult_id WHERE a.hr_id = ? AND e.uploaded_by = a.id"
                        + " ORDER BY e.uploaded_at",
                r -> new Object[] {r.uuid(1), r.string(2), r.longValue(3)},
                hrId);
        return out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry("subject-access-export.json"));
            zip.write(document);
            zip.closeEntry();
            for (Object[] file : files) {
                zip.putNextEntry(new ZipEntry(
                        "evidence/" + file[0] + "-" + ((String) file[1]).replaceAll("[^A-Za-z0-9._-]", "_")));
                sql.copySlices(
                        "read a slice of the subject's evidence",
                        "SELECT substring(content FROM ? FOR ?) FROM concern_evidence WHERE id = ?",
                        file[0],
                        (Long) file[2],
                        zip);
                zip.closeEntry();
            }
            zip.finish();
        };
    }

    private void section(ObjectNode doc, String name, String query, Object... args) {
        String text =
                sql.first("export: " + name, query, r -> r.string(1), args).orElse("null");
        doc.set(name, read(text));
    }

    private void list(ObjectNode doc, String name, String query, Object... args) {
        String text = sql.first(
                        "export: " + name,
                        "SELECT coalesce(json_agg(row_to_json(x)), '[]')::text FROM (" + query + ") x",
                        r -> r.string(1),
                        args)
                .orElse("[]");
        doc.set(name, read(text));
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
