package org.schooltrust.smp.policy;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.List;
import org.schooltrust.smp.common.records.PersonalData;

/** The personal data this feature holds (issue 24; {@link PersonalData}). */
@ApplicationScoped
class PolicyPersonalData implements PersonalData {

    @Override
    public List<Disposal> disposals() {
        // a version still acknowledged, or the basis of another, is kept; the schools' local texts of a version go with
        // it (ON DELETE CASCADE, V30): one acknowledged binds its version too, so neither outlives the other
        return List.of(new Disposal(
                "POLICY_VERSION",
                "policy_versions v",
                "v.id",
                "true",
                "CASE WHEN v.status IN " + PersonalData.in(EnumSet.of(VersionStatus.SUPERSEDED, VersionStatus.RETIRED))
                        + " AND NOT EXISTS (SELECT 1 FROM acknowledgements k WHERE k.version_id = v.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM policy_versions o WHERE o.basis_id = v.id AND o.id <> v.id)"
                        + " THEN v.ended_at END",
                "ARRAY[]::uuid[]",
                "ARRAY[]::text[]",
                "NULL::text",
                "DELETED",
                List.of(PersonalData.throughOwner("policy_versions"))));
    }

    @Override
    public List<Section> sections() {
        return List.of(new Section(
                "policies-owned",
                35,
                false,
                "SELECT p.slug AS policy, p.title, r.review_date, r.updated_at FROM policy_reviews r"
                        + " JOIN policies p ON p.id = r.policy_id WHERE r.owner_adult_id = ? ORDER BY p.slug"));
    }

    @Override
    public List<Table> tables() {
        return List.of(
                Table.of("policy_versions", "POLICY_VERSION"),
                Table.kept(
                        "policy_reviews",
                        "who owns a policy while they own it (an adult of the register, never deleted); trust-admin"
                                + " replaces the owner when it changes"));
    }
}
