package org.schooltrust.smp.concern;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.List;
import org.schooltrust.smp.common.records.PersonalData;

/** The personal data this feature holds (issue 24; {@link PersonalData}). */
@ApplicationScoped
class ConcernPersonalData implements PersonalData {

    @Override
    public List<Disposal> disposals() {
        String childProtection =
                PersonalData.in(EnumSet.of(ConcernCategory.INDECENT_IMAGES, ConcernCategory.RADICALISATION));
        // its reporter, the adult it is about, its school and every school handling it can hold a concern
        return List.of(
                concerns("CONCERN", "c.category NOT IN " + childProtection),
                concerns("CONCERN_CHILD_PROTECTION", "c.category IN " + childProtection));
    }

    private static Disposal concerns(String recordClass, String member) {
        return new Disposal(
                recordClass,
                "concerns c",
                "c.id",
                member,
                "CASE WHEN c.status = '" + ConcernStatus.CLOSED.name() + "' THEN c.closed_at END",
                "array_remove(ARRAY[c.reporter_adult_id, c.about_adult_id], NULL)",
                "array_append(c.handling_schools, c.school_urn)",
                "c.about_pupil_mis_id",
                "DELETED",
                List.of(PersonalData.throughOwner("concerns")));
    }

    @Override
    public List<Section> sections() {
        return List.of(
                // what the subject reported and the evidence they gave; never the handlers' notes or concerns about
                // them (the export withholds those)
                new Section(
                        "concernsRaised",
                        80,
                        false,
                        "SELECT c.id, c.school_urn, c.category, c.urgent, c.status, c.occurred_at,"
                                + " c.platform, c.location_url, c.description, c.about_pupil_mis_id, c.raised_at,"
                                + " (SELECT coalesce(json_agg(json_build_object('id', e.id, 'fileName', e.file_name,"
                                + " 'mediaType', e.media_type, 'sizeBytes', e.size_bytes, 'sha256', e.sha256,"
                                + " 'uploadedAt', e.uploaded_at) ORDER BY e.uploaded_at), '[]') FROM concern_evidence e"
                                + " WHERE e.concern_id = c.id AND e.uploaded_by = c.reporter_adult_id) AS evidence"
                                + " FROM concerns c WHERE c.reporter_adult_id = ? ORDER BY c.raised_at"));
    }

    @Override
    public List<Table> tables() {
        return List.of(
                Table.of("concerns", "CONCERN"),
                Table.of("concern_evidence", "CONCERN"),
                Table.of("concern_timeline", "CONCERN"));
    }
}
