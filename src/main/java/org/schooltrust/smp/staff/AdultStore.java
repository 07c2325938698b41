package org.schooltrust.smp.staff;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.schooltrust.smp.common.db.AdvisoryLocks;

/**
 * The staff register in PostgreSQL. Plain JDBC with set-based reads ({@code = ANY(?)}) and batched writes, because the
 * register is written 10,000 rows at a time by the HR sync (ADR 0003). Every read takes a {@link Visibility} and puts it
 * in the WHERE clause.
 */
@ApplicationScoped
class AdultStore {

    private static final String COLUMNS = "a.id, a.hr_id, a.first_name, a.last_name, a.work_email, a.category,"
            + " a.active, a.source, a.version, a.created_at, a.updated_at";
    private static final String VISIBLE = " AND (? OR EXISTS (SELECT 1 FROM adult_assignments v"
            + " WHERE v.adult_id = a.id AND v.school_urn = ANY(?) AND v.start_date <= ?"
            + " AND (v.end_date IS NULL OR v.end_date >= ?)) OR a.hr_id = ? OR a.work_email = ?)";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AdvisoryLocks locks;

    /** Serialises writers of the register until the transaction ends, so concurrent syncs cannot interleave. */
    void lockRegister() {
        locks.lock(AdvisoryLocks.Lock.STAFF_REGISTER);
    }

    Map<String, Adult> findByHrIds(Collection<String> hrIds) {
        Map<String, Adult> byHrId = new HashMap<>();
        for (Adult adult : query("SELECT " + COLUMNS + " FROM adults a WHERE a.hr_id = ANY(?)", List.of((Object)
                hrIds.toArray(String[]::new)))) {
            byHrId.put(adult.hrId(), adult);
        }
        return byHrId;
    }

    Map<UUID, Adult> findByIds(Collection<UUID> ids) {
        Map<UUID, Adult> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        for (Adult adult :
                query("SELECT " + COLUMNS + " FROM adults a WHERE a.id = ANY(CAST(? AS uuid[]))", List.of((Object)
                        ids.stream().map(UUID::toString).toArray(String[]::new)))) {
            byId.put(adult.id(), adult);
        }
        return byId;
    }

    /** Active adults (HR-kept or manual) that a batch did not list. */
    List<Adult> findActiveNotIn(Collection<String> hrIds) {
        return query("SELECT " + COLUMNS + " FROM adults a WHERE a.active AND NOT (a.hr_id = ANY(?))", List.of((Object)
                hrIds.toArray(String[]::new)));
    }

    Optional<Adult> findVisible(String hrId, Visibility visibility) {
        List<Object> args = new ArrayList<>(List.of(hrId));
        addVisibility(args, visibility);
        return query("SELECT " + COLUMNS + " FROM adults a WHERE a.hr_id = ?" + VISIBLE, args).stream()
                .findFirst();
    }

    /** The adult a token names, by HR id or (fallback claim) by work email; an ambiguous email names nobody. */
    Optional<Adult> findBySelf(Visibility visibility) {
        if (visibility.selfHrId() != null) {
            return query("SELECT " + COLUMNS + " FROM adults a WHERE a.hr_id = ?", List.of(visibility.selfHrId()))
                    .stream()
                    .findFirst();
        }
        if (visibility.selfEmail() != null) {
            List<Adult> matches = query(
                    "SELECT " + COLUMNS + " FROM adults a WHERE a.work_email = ? ORDER BY a.active DESC LIMIT 2",
                    List.of(visibility.selfEmail()));
            return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** One page (plus one row) of visible adults, keyset-paged. */
    List<Adult> list(StaffQuery filter, Visibility visibility, int limitPlusOne) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM adults a WHERE true");
        List<Object> args = new ArrayList<>();
        addVisibility(args, visibility);
        sql.append(VISIBLE);
        if (filter.schoolUrn() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM adult_assignments f WHERE f.adult_id = a.id AND f.school_urn = ?)");
            args.add(filter.schoolUrn());
        }
        if (filter.active() != null) {
            sql.append(" AND a.active = ?");
            args.add(filter.active());
        }
        if (filter.updatedSince() != null) {
            sql.append(" AND a.updated_at >= ?");
            args.add(Timestamp.from(filter.updatedSince()));
            if (filter.afterUpdatedAt() != null) {
                sql.append(" AND (a.updated_at, a.hr_id) > (?, ?)");
                args.add(Timestamp.from(filter.afterUpdatedAt()));
                args.add(filter.afterHrId());
            }
            sql.append(" ORDER BY a.updated_at, a.hr_id");
        } else {
            if (filter.afterHrId() != null) {
                sql.append(" AND a.hr_id > ?");
                args.add(filter.afterHrId());
            }
            sql.append(" ORDER BY a.hr_id");
        }
        sql.append(" LIMIT ?");
        args.add(limitPlusOne);
        return query(sql.toString(), args);
    }

    void insertAll(List<Adult> adults) {
        if (adults.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO adults (id, hr_id, first_name, last_name,"
                        + " work_email, category, active, source, version, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Adult adult : adults) {
                insert.setObject(1, adult.id());
                insert.setString(2, adult.hrId());
                setDetails(insert, 3, adult);
                insert.setTimestamp(10, Timestamp.from(adult.createdAt()));
                insert.setTimestamp(11, Timestamp.from(adult.updatedAt()));
                insert.addBatch();
            }
            insert.executeBatch();
            insertAssignments(c, adults);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not insert adults", e);
        }
    }

    void updateAll(List<Adult> adults) {
        if (adults.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE adults SET first_name = ?, last_name = ?,"
                        + " work_email = ?, category = ?, active = ?, source = ?, version = ?, updated_at = ?"
                        + " WHERE id = ?")) {
            for (Adult adult : adults) {
                setDetails(update, 1, adult);
                update.setTimestamp(8, Timestamp.from(adult.updatedAt()));
                update.setObject(9, adult.id());
                update.addBatch();
            }
            update.executeBatch();
            try (PreparedStatement delete =
                    c.prepareStatement("DELETE FROM adult_assignments WHERE adult_id = ANY(?)")) {
                delete.setArray(
                        1,
                        c.createArrayOf("uuid", adults.stream().map(Adult::id).toArray()));
                delete.executeUpdate();
            }
            insertAssignments(c, adults);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update adults", e);
        }
    }

    /** first name .. version, seven parameters from {@code index}. */
    private static void setDetails(PreparedStatement statement, int index, Adult adult) throws SQLException {
        statement.setString(index, adult.firstName());
        statement.setString(index + 1, adult.lastName());
        statement.setString(index + 2, adult.workEmail());
        statement.setString(index + 3, adult.category().name());
        statement.setBoolean(index + 4, adult.active());
        statement.setString(index + 5, adult.source().name());
        statement.setLong(index + 6, adult.version());
    }

    private static void insertAssignments(Connection c, List<Adult> adults) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO adult_assignments (adult_id, position,"
                + " school_urn, job_title, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?)")) {
            boolean any = false;
            for (Adult adult : adults) {
                List<Assignment> assignments = adult.assignments();
                for (int i = 0; i < assignments.size(); i++) {
                    Assignment a = assignments.get(i);
                    insert.setObject(1, adult.id());
                    insert.setShort(2, (short) i);
                    insert.setString(3, a.schoolUrn());
                    insert.setString(4, a.jobTitle());
                    insert.setDate(5, Date.valueOf(a.startDate()));
                    insert.setDate(6, a.endDate() == null ? null : Date.valueOf(a.endDate()));
                    insert.addBatch();
                    any = true;
                }
            }
            if (any) {
                insert.executeBatch();
            }
        }
    }

    private static void addVisibility(List<Object> args, Visibility visibility) {
        args.add(visibility.everyone());
        args.add(visibility.schools().toArray(String[]::new));
        args.add(Date.valueOf(visibility.today()));
        args.add(Date.valueOf(visibility.endedNotBefore()));
        args.add(visibility.selfHrId());
        args.add(visibility.selfEmail());
    }

    private List<Adult> query(String sql, List<Object> args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            bind(c, statement, args);
            Map<UUID, AdultRow> rows = new LinkedHashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    AdultRow row = new AdultRow(rs);
                    rows.put(row.id, row);
                }
            }
            Map<UUID, List<Assignment>> assignments = loadAssignments(c, rows.keySet());
            List<Adult> adults = new ArrayList<>(rows.size());
            for (AdultRow row : rows.values()) {
                adults.add(row.toAdult(assignments.getOrDefault(row.id, List.of())));
            }
            return adults;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read adults", e);
        }
    }

    private static Map<UUID, List<Assignment>> loadAssignments(Connection c, Collection<UUID> ids) throws SQLException {
        Map<UUID, List<Assignment>> byAdult = new HashMap<>();
        if (ids.isEmpty()) {
            return byAdult;
        }
        try (PreparedStatement statement = c.prepareStatement("SELECT adult_id, school_urn, job_title, start_date,"
                + " end_date FROM adult_assignments WHERE adult_id = ANY(?) ORDER BY adult_id, position")) {
            statement.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Date end = rs.getDate(5);
                    byAdult.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Assignment(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getDate(4).toLocalDate(),
                                    end == null ? null : end.toLocalDate()));
                }
            }
        }
        return byAdult;
    }

    private static void bind(Connection c, PreparedStatement statement, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (arg instanceof String[] strings) {
                statement.setArray(i + 1, c.createArrayOf("text", strings));

            } else {
                statement.setObject(i + 1, arg);
            }
        }
    }

    private static final class AdultRow {
        final UUID id;
        final String hrId;
        final String firstName;
        final String lastName;
        final String workEmail;
        final AdultCategory category;
        final boolean active;
        final AdultSource source;
        final long version;
        final Instant createdAt;
        final Instant updatedAt;

        AdultRow(ResultSet rs) throws SQLException {
            id = rs.getObject(1, UUID.class);
            hrId = rs.getString(2);
            firstName = rs.getString(3);
            lastName = rs.getString(4);
            workEmail = rs.getString(5);
            category = AdultCategory.valueOf(rs.getString(6));
            active = rs.getBoolean(7);
            source = AdultSource.valueOf(rs.getString(8));
            version = rs.getLong(9);
            createdAt = rs.getTimestamp(10).toInstant();
            updatedAt = rs.getTimestamp(11).toInstant();
        }

        Adult toAdult(List<Assignment> assignments) {
            return new Adult(
                    id,
                    hrId,
                    new AdultDetails(firstName, lastName, workEmail, category, active, assignments),
                    source,
                    version,
                    createdAt,
                    updatedAt);
        }
    }
}
