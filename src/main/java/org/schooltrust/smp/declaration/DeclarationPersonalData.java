package org.schooltrust.smp.declaration;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.List;
import org.schooltrust.smp.common.records.PersonalData;

/** The personal data this feature holds (issue 24; {@link PersonalData}). */
@ApplicationScoped
class DeclarationPersonalData implements PersonalData {

    @Override
    public List<Disposal> disposals() {
        String closed = PersonalData.in(
                EnumSet.of(DeclarationStatus.ENDED, DeclarationStatus.WITHDRAWN, DeclarationStatus.DECLINED));
        return List.of(
                // not a record: the pupil's display name, erased sooner than the declaration
                new Disposal(
                        "DECLARATION_PUPIL_NAME",
                        "family_declarations d",
                        "d.id",
                        "d.pupil_name <> ''",
                        "CASE WHEN d.status = '" + DeclarationStatus.ENDED.name() + "' THEN d.ended_at END",
                        "ARRAY[d.adult_id]",
                        "ARRAY[d.school_urn]",
                        "d.pupil_mis_id",
                        "ANONYMISED",
                        List.of("UPDATE family_declarations SET pupil_name = '', version = version + 1"
                                + " WHERE id = ANY(?::uuid[])")),
                new Disposal(
                        "FAMILY_DECLARATION",
                        "family_declarations d",
                        "d.id",
                        "true",
                        "CASE WHEN d.status IN " + closed + " THEN coalesce(d.ended_at, d.updated_at) END",
                        "ARRAY[d.adult_id]",
                        "ARRAY[d.school_urn]",
                        "d.pupil_mis_id",
                        "DELETED",
                        List.of(PersonalData.throughOwner("family_declarations"))),
                new Disposal(
                        "NIL_RETURN",
                        "family_nil_returns n JOIN adults a ON a.id = n.adult_id",
                        "n.id",
                        "true",
                        "CASE WHEN NOT a.active THEN a.updated_at END",
                        "ARRAY[n.adult_id]",
                        "ARRAY[n.school_urn]",
                        "NULL::text",
                        "DELETED",
                        List.of(PersonalData.throughOwner("family_nil_returns"))));
    }

    @Override
    public List<Section> sections() {
        return List.of(
                new Section(
                        "familyDeclarations",
                        40,
                        false,
                        "SELECT id, school_urn, pupil_mis_id, pupil_name, relationship, relationship_other, note,"
                                + " status, info_answer, created_at, acknowledged_at, ended_at, end_reason, reconfirm_by,"
                                + " reconfirmed_at FROM family_declarations WHERE adult_id = ? ORDER BY created_at"),
                new Section(
                        "nilReturns",
                        50,
                        false,
                        "SELECT id, school_urn, declared_at FROM family_nil_returns WHERE adult_id = ?"
                                + " ORDER BY declared_at"));
    }

    @Override
    public List<Table> tables() {
        return List.of(
                Table.of("family_declarations", "FAMILY_DECLARATION"), Table.of("family_nil_returns", "NIL_RETURN"));
    }
}
