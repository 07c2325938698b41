package org.schooltrust.smp.school;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.schooltrust.smp.common.db.Sql;

/** Point reads of the schools table that need no entity (ADR 0012). */
@ApplicationScoped
class SchoolQueries {

    static final String EXISTS = "SELECT 1 FROM schools WHERE urn = ?";

    @Inject
    Sql sql;

    /** Whether the Trust has a school with this URN: a primary-key point query. */
    boolean exists(String urn) {
        return sql.first("check a school exists", EXISTS, row -> true, urn).isPresent();
    }
}
