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
import org.schooltrust.smp.change.ChangeLog;
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

    @Inject
    SubjectAccessQueries queries;

    @Inject
    ObjectMapper json;

    @Inject
    ChangeLog changes;

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
        UUID adult = queries.subject(hrId)
                .orElseThrow(() -> new ResourceNotFoundException("No adult with HR id " + hrId + "."));
        UUID exportId = UUID.randomUUID();
        queries.recordExport(
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
                doc.set(declared.name(), read(queries.row(declared.name(), declared.query(), args)));
            } else {
                doc.set(declared.name(), read(queries.rows(declared.name(), declared.query(), args)));
            }
        }
        doc.set("auditEvents", read(queries.auditEvents(hrId, adult)));
        doc.set("withheld", read(queries.withheld(adult, request.includeOpenConcernsAboutSubject())));
        doc.set("redactionReview", read(queries.redactionReview(adult)));
        changes.record(new AuditEntry(
                RetentionAction.SUBJECT_ACCESS_EXPORTED,
                "subject-access-export",
                exportId.toString(),
                null,
                List.of("requestReference", "reason")));
        return doc;
    }

    /**
     * The export and the subject's own concern evidence, as a zip written while it is sent: the JSON is made (and the
     * export recorded and audited) in this transaction; each file is then copied a slice at a time (SubjectAccessQueries.copyEvidence),
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
        List<SubjectAccessQueries.EvidenceFile> files = queries.evidenceOf(hrId);
        return out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry("subject-access-export.json"));
            zip.write(document);
            zip.closeEntry();
            for (SubjectAccessQueries.EvidenceFile file : files) {
                zip.putNextEntry(
                        new ZipEntry("evidence/" + file.id() + "-" + file.name().replaceAll("[^A-Za-z0-9._-]", "_")));
                queries.copyEvidence(file, zip);
                zip.closeEntry();
            }
            zip.finish();
        };
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
