package org.schooltrust.smp.declaration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.schooltrust.smp.common.db.Sql;

/** Set-based reads of declarations that the aggregates' finders cannot express. */
@ApplicationScoped
class DeclarationStore {

    @Inject
    Sql sql;

    /** Active declarations whose adult no longer works at the declaration's school on {@code today}. */
    List<UUID> ofDepartedAdults(LocalDate today) {
        return sql.list(
                "find declarations of departed adults",
                "SELECT d.id FROM family_declarations d WHERE d.status = ANY(?)"
                        + " AND NOT EXISTS (SELECT 1 FROM adults a JOIN adult_assignments s ON s.adult_id = a.id"
                        + " WHERE a.id = d.adult_id AND a.active AND s.school_urn = d.school_urn"
                        + " AND (s.end_date IS NULL OR s.end_date >= ?))",
                row -> row.uuid(1),
                DeclarationStatus.names(DeclarationStatus.ACTIVE),
                today);
    }
}
