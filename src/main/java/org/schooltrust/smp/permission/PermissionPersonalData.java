package org.schooltrust.smp.permission;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.schooltrust.smp.common.records.PersonalData;

/** The personal data this feature holds (issue 24; {@link PersonalData}). */
@ApplicationScoped
class PermissionPersonalData implements PersonalData {

    @Override
    public List<Section> sections() {
        return List.of(new Section(
                "expressPermissions",
                90,
                false,
                "SELECT id, school_urn, purpose, channel, valid_from, valid_to, granted_at, revoked_at"
                        + " FROM express_permissions WHERE adult_id = ? ORDER BY granted_at"));
    }

    @Override
    public List<Table> tables() {
        return List.of(Table.kept(
                "express_permissions",
                "a standing permission between an adult and a pupil (clause 6.9), kept while it stands; revoked ones go"
                        + " with the adult's records"));
    }
}
