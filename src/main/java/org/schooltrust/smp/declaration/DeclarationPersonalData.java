package org.schooltrust.smp.declaration;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.schooltrust.smp.common.records.PersonalData;

/** The personal data this feature holds (issue 24; {@link PersonalData}). */
@ApplicationScoped
class DeclarationPersonalData implements PersonalData {

    @Override
    public List<Table> tables() {
        return List.of(
                Table.of("family_declarations", "FAMILY_DECLARATION"), Table.of("family_nil_returns", "NIL_RETURN"));
    }
}
