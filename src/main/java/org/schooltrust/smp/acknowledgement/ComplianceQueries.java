package org.schooltrust.smp.acknowledgement;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.schooltrust.smp.acknowledgement.ComplianceViews.AdultRow;
import org.schooltrust.smp.acknowledgement.ComplianceViews.Counts;
import org.schooltrust.smp.acknowledgement.ComplianceViews.SchoolSummary;

/** Set-based reads of the {@code policy_requirements} view (migration V2), where the requirement rule lives. */
@ApplicationScoped
class ComplianceQueries {

    @Inject
    AgroalDataSource dataSource;

    Counts counts(String slug, String schoolUrn) {
        Map<RequirementStatus, Long> counts = new EnumMap<>(RequirementStatus.class);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT status, count(*) FROM policy_requirements"
                        + " WHERE slug = ? AND school_urn = ? GROUP BY status")) {
            s.setString(1, slug);
            s.setString(2, schoolUrn);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(RequirementStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count compliance", e);
        }
        return counts(counts);
    }

    /** Adults of a school, by HR id after {@code afterHrId}, optionally of one status; at most {@code limit} rows. */
    List<AdultRow> adults(String slug, String schoolUrn, RequirementStatus status, String afterHrId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT hr_id, first_name, last_name, category, status, due_date,"
                + " acknowledged_at FROM policy_requirements WHERE slug = ? AND school_urn = ? AND hr_id > ?");
        if (status != null) {
            sql.append(" AND status = ?");
        }
        sql.append(" ORDER BY hr_id LIMIT ?");
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql.toString())) {
            int i = 1;
            s.setString(i++, slug);
            s.setString(i++, schoolUrn);
            s.setString(i++, afterHrId == null ? "" : afterHrId);
            if (status != null) {
                s.setString(i++, status.name());
            }
            s.setInt(i, limit);
            List<AdultRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Date due = rs.getDate(6);
                    Timestamp at = rs.getTimestamp(7);
                    rows.add(new AdultRow(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            RequirementStatus.valueOf(rs.getString(5)),
                            due == null ? null : due.toLocalDate(),
                            at == null ? null : at.toInstant()));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list compliance", e);
        }
    }

    /** One row per school of the Trust (schools without adults included). */
    List<SchoolSummary> trust(String slug) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Map<RequirementStatus, Long>> bySchool = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT sc.urn, sc.name, r.status, count(r.status)"
                        + " FROM schools sc LEFT JOIN policy_requirements r ON r.school_urn = sc.urn AND r.slug = ?"
                        + " GROUP BY sc.urn, sc.name, r.status ORDER BY sc.urn")) {
            s.setString(1, slug);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String urn = rs.getString(1);
                    names.put(urn, rs.getString(2));
                    Map<RequirementStatus, Long> counts =
                            bySchool.computeIfAbsent(urn, k -> new EnumMap<>(RequirementStatus.class));
                    if (rs.getString(3) != null) {
                        counts.put(RequirementStatus.valueOf(rs.getString(3)), rs.getLong(4));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not summarise compliance", e);
        }
        List<SchoolSummary> rows = new ArrayList<>();
        bySchool.forEach((urn, counts) -> rows.add(new SchoolSummary(urn, names.get(urn), counts(counts))));
        return rows;
    }

    /** The caller's own requirements, across their schools and every policy with a current version. */
    List<RequirementView> forAdult(UUID adultId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT slug, label, school_urn, status, due_date,"
                        + " acknowledged_at FROM policy_requirements WHERE adult_id = ? ORDER BY slug, school_urn")) {
            s.setObject(1, adultId);
            List<RequirementView> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Date due = rs.getDate(5);
                    Timestamp at = rs.getTimestamp(6);
                    rows.add(new RequirementView(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            RequirementStatus.valueOf(rs.getString(4)),
                            due == null ? null : due.toLocalDate(),
                            at == null ? null : at.toInstant()));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read requirements", e);
        }
    }

    private static Counts counts(Map<RequirementStatus, Long> counts) {
        return new Counts(
                counts.getOrDefault(RequirementStatus.DONE, 0L),
                counts.getOrDefault(RequirementStatus.DUE, 0L),
                counts.getOrDefault(RequirementStatus.OVERDUE, 0L),
                counts.getOrDefault(RequirementStatus.NOT_REQUIRED, 0L));
    }
}
