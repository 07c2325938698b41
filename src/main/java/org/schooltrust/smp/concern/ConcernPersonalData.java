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
    public List<Table> tables() {
        return List.of(
                Table.of("concerns", "CONCERN"),
                Table.of("concern_evidence", "CONCERN"),
                Table.of("concern_timeline", "CONCERN"),
                Table.kept(
                        "express_permissions",
                        "a standing permission between an adult and a pupil (clause 6.9), kept while it stands; revoked ones go with the adult's records"));
    }
}
