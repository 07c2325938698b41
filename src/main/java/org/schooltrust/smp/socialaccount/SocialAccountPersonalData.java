package org.schooltrust.smp.socialaccount;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.schooltrust.smp.common.records.PersonalData;

/** The personal data this feature holds (issue 24; {@link PersonalData}). */
@ApplicationScoped
class SocialAccountPersonalData implements PersonalData {

    @Override
    public List<Section> sections() {
        return List.of(new Section(
                "socialAccounts",
                70,
                false,
                "SELECT s.id, s.school_urn, s.platform, s.handle, s.status, s.purpose,"
                        + " CASE WHEN s.proposer_adult_id = ? THEN s.reason END AS reason_as_proposed,"
                        + " s.proposer_adult_id = ? AS proposed_by_subject,"
                        + " EXISTS (SELECT 1 FROM social_account_administrators a WHERE a.account_id = s.id"
                        + " AND a.adult_id = ?) AS administered_by_subject, s.proposed_at FROM social_accounts s"
                        + " WHERE s.proposer_adult_id = ? OR EXISTS (SELECT 1 FROM social_account_administrators a"
                        + " WHERE a.account_id = s.id AND a.adult_id = ?) ORDER BY s.proposed_at"));
    }

    @Override
    public List<Table> tables() {
        return List.of(
                Table.kept(
                        "social_accounts",
                        "the register of official accounts (clause 8.1): public, kept while the account exists"),
                Table.kept(
                        "social_account_administrators",
                        "who runs an official account, kept while the account exists"));
    }
}
