package org.schooltrust.smp.declaration;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.schooltrust.smp.declaration.DeclarationViews.CheckResult;
import org.schooltrust.smp.declaration.DeclarationViews.FeedStatus;
import org.schooltrust.smp.declaration.DeclarationViews.Link;
import org.schooltrust.smp.declaration.DeclarationViews.LinkStatus;
import org.schooltrust.smp.declaration.DeclarationViews.SchoolCounts;
import org.schooltrust.smp.declaration.DeclarationViews.Unanswered;

/** Set-based reads for machines and summaries: never pupil names, notes or protocols. */
@ApplicationScoped
class FamilyLinkQueries {

    @Inject
    AgroalDataSource dataSource;

    /** All pairs in one statement: unnest the pairs, join adults by HR id and active declarations at the school. */
    List<CheckResult> check(String urn, List<DeclarationInputs.Pair> pairs) {
        Map<String, CheckResult> found = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT a.hr_id, d.pupil_mis_id, d.status, d.relationship"
                        + " FROM unnest(?::text[], ?::text[]) AS p(hr_id, pupil)"
                        + " JOIN adults a ON a.hr_id = p.hr_id"
                        + " JOIN family_declarations d ON d.adult_id = a.id AND d.school_urn = ?"
                        + " AND d.pupil_mis_id = p.pupil"
                        + " AND d.status IN ('SUBMITTED', 'INFO_REQUESTED', 'ACKNOWLEDGED')")) {
            s.setArray(
                    1,
                    c.createArrayOf(
                            "text",
                            pairs.stream()
                                    .map(DeclarationInputs.Pair::staffHrId)
                                    .toArray()));
            s.setArray(
                    2,
                    c.createArrayOf(
                            "text",
                            pairs.stream()
                                    .map(DeclarationInputs.Pair::pupilMisId)
                                    .toArray()));
            s.setString(3, urn);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    boolean acknowledged = DeclarationStatus.ACKNOWLEDGED.name().equals(rs.getString(3));
                    found.put(
                            key(rs.getString(1), rs.getString(2)),
                            new CheckResult(
                                    rs.getString(1),
                                    rs.getString(2),
                                    acknowledged ? LinkStatus.ACKNOWLEDGED : LinkStatus.PENDING,
                                    acknowledged ? Relationship.valueOf(rs.getString(4)) : null));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check family links", e);
        }
        return pairs.stream()
                .map(p -> found.getOrDefault(
                        key(p.staffHrId(), p.pupilMisId()),
                        new CheckResult(p.staffHrId(), p.pupilMisId(), LinkStatus.NONE, null)))
                .toList();
    }

    /** Acknowledged links and tombstones of once-acknowledged ones, by time of change then id. */
    List<Link> feed(String urn, Instant since, Instant afterTime, UUID afterId, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT d.id, a.hr_id, d.pupil_mis_id, d.relationship,"
                        + " d.status, d.updated_at FROM family_declarations d JOIN adults a ON a.id = d.adult_id"
                        + " WHERE d.school_urn = ? AND d.acknowledged_at IS NOT NULL"
                        + " AND d.status IN ('ACKNOWLEDGED', 'ENDED', 'WITHDRAWN')"
                        + " AND d.updated_at >= ? AND (d.updated_at, d.id) > (?, ?)"
                        + " ORDER BY d.updated_at, d.id LIMIT ?")) {
            s.setString(1, urn);
            s.setTimestamp(2, Timestamp.from(since));
            s.setTimestamp(3, Timestamp.from(afterTime));
            s.setObject(4, afterId);
            s.setInt(5, limit);
            List<Link> links = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    boolean live = DeclarationStatus.ACKNOWLEDGED.name().equals(rs.getString(5));
                    links.add(new Link(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getString(3),
                            live ? Relationship.valueOf(rs.getString(4)) : null,
                            live ? FeedStatus.ACKNOWLEDGED : FeedStatus.REMOVED,
                            rs.getTimestamp(6).toInstant()));
                }
            }
            return links;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read family links", e);
        }
    }

    /** Active adults currently at the school with neither a declaration there nor a nil return, by HR id. */
    List<Unanswered> unanswered(String urn, String afterHrId, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT a.hr_id, a.first_name, a.last_name FROM adults a"
                        + " WHERE a.active AND a.hr_id > ? AND EXISTS (SELECT 1 FROM adult_assignments s"
                        + " WHERE s.adult_id = a.id AND s.school_urn = ? AND s.start_date <= (now() AT TIME ZONE 'UTC')::date"
                        + " AND (s.end_date IS NULL OR s.end_date >= (now() AT TIME ZONE 'UTC')::date))"
                        + " AND NOT EXISTS (SELECT 1 FROM family_declarations d WHERE d.adult_id = a.id"
                        + " AND d.school_urn = ?)"
                        + " AND NOT EXISTS (SELECT 1 FROM family_nil_returns n WHERE n.adult_id = a.id"
                        + " AND n.school_urn = ?)"
                        + " ORDER BY a.hr_id LIMIT ?")) {
            s.setString(1, afterHrId == null ? "" : afterHrId);
            s.setString(2, urn);
            s.setString(3, urn);
            s.setString(4, urn);
            s.setInt(5, limit);
            List<Unanswered> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Unanswered(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list unanswered adults", e);
        }
    }

    /** Counts per school and status for the Trust; no names. */
    List<SchoolCounts> counts() {
        Map<String, long[]> bySchool = new java.util.TreeMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT school_urn, status, count(*) FROM family_declarations"
                        + " GROUP BY school_urn, status UNION ALL SELECT school_urn, 'NIL_RETURN', count(DISTINCT adult_id)"
                        + " FROM family_nil_returns GROUP BY school_urn");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long[] counts = bySchool.computeIfAbsent(rs.getString(1), k -> new long[7]);
                int index = switch (rs.getString(2)) {
                    case "SUBMITTED" -> 0;
                    case "INFO_REQUESTED" -> 1;
                    case "ACKNOWLEDGED" -> 2;
                    case "DECLINED" -> 3;
                    case "WITHDRAWN" -> 4;
                    case "ENDED" -> 5;
                    default -> 6;
                };
                counts[index] = rs.getLong(3);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count declarations", e);
        }
        List<SchoolCounts> rows = new ArrayList<>();
        bySchool.forEach((urn, n) -> rows.add(new SchoolCounts(urn, n[0], n[1], n[2], n[3], n[4], n[5], n[6])));
        return rows;
    }

    private static String key(String hrId, String pupil) {
        return hrId + "\u001f" + pupil;
    }
}
