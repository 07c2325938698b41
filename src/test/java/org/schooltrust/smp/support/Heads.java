package org.schooltrust.smp.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** Registers a Head in the staff register, for {@link Tokens#head}. */
final class Heads {

    private Heads() {}

    static void ensureRegistered(String hrId, String... schools) {
        ArcContainer container = Arc.container();
        if (container == null || !container.isRunning()) {
            return; // outside the test application (benchmarks, e2e): the caller registers Heads itself
        }
        AgroalDataSource dataSource = container.instance(AgroalDataSource.class).get();
        try (Connection c = dataSource.getConnection()) {
            UUID id = UUID.randomUUID();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO adults (id, hr_id, first_name, last_name,"
                    + " work_email, category, active, source, version, created_at, updated_at)"
                    + " VALUES (?, ?, 'Head', 'Teacher', ?, 'TEACHER', true, 'MANUAL', 1, now(), now())"
                    + " ON CONFLICT (hr_id) DO NOTHING")) {
                insert.setObject(1, id);
                insert.setString(2, hrId);
                insert.setString(3, "head." + hrId.toLowerCase() + "@schools.example");
                insert.executeUpdate();
            }
            // the register names a Head by the responsibility on a current assignment (ADR 0011): an adult that already
            // works at one of the schools is designated there
            try (PreparedStatement designate = c.prepareStatement("UPDATE adult_assignments SET responsibilities ="
                    + " array_append(responsibilities, 'HEAD_OF_SCHOOL') WHERE adult_id = (SELECT id FROM adults WHERE"
                    + " hr_id = ?) AND school_urn = ANY(?) AND NOT 'HEAD_OF_SCHOOL' = ANY(responsibilities)")) {
                designate.setString(1, hrId);
                designate.setArray(2, c.createArrayOf("text", schools));
                designate.executeUpdate();
            }
            // a Head made here (not one HR or a test registered) gains any of the schools it is not yet assigned to
            try (PreparedStatement find = c.prepareStatement("SELECT id FROM adults WHERE hr_id = ? AND source ="
                    + " 'MANUAL' AND first_name = 'Head' AND last_name = 'Teacher'")) {
                find.setString(1, hrId);
                try (java.sql.ResultSet rs = find.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                    id = rs.getObject(1, UUID.class);
                }
            }
            try (PreparedStatement assign = c.prepareStatement("INSERT INTO adult_assignments (adult_id, position,"
                    + " school_urn, job_title, start_date, responsibilities) SELECT ?, (SELECT coalesce(max(position), -1) FROM"
                    + " adult_assignments WHERE adult_id = ?) + row_number() OVER (ORDER BY urn), urn,"
                    + " 'Head of School', DATE '2000-01-01', '{HEAD_OF_SCHOOL}' FROM schools WHERE urn = ANY(?) AND NOT EXISTS (SELECT 1"
                    + " FROM adult_assignments x WHERE x.adult_id = ? AND x.school_urn = urn)")) {
                assign.setObject(1, id);
                assign.setObject(2, id);
                assign.setArray(3, c.createArrayOf("text", schools));
                assign.setObject(4, id);
                assign.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
