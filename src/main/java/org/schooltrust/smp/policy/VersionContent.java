package org.schooltrust.smp.policy;

import java.util.List;
import java.util.Set;
import org.schooltrust.smp.staff.AdultCategory;

/** The editable content of a draft version, already validated. */
record VersionContent(
        String body,
        List<Clause> clauses,
        List<Statement> statements,
        boolean material,
        boolean allSchools,
        List<String> schoolUrns,
        Set<AdultCategory> audience,
        List<LocalSection> localSections,
        int dueDays,
        int joinerDueDays) {}
