package org.schooltrust.smp.socialaccount;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.schooltrust.smp.common.records.PersonalData;

/** The personal data this feature holds (issue 24; {@link PersonalData}). */
@ApplicationScoped
class SocialAccountPersonalData implements PersonalData {

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
