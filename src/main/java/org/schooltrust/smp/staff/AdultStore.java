package org.schooltrust.smp.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
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
import org.schooltrust.smp.common.db.Sql;

/**
 * The staff register in PostgreSQL. Plain JDBC with set-based reads ({@code = ANY(?)}) and batched writes, because the
 * register is written 10,000 rows at a time by the HR sync (ADR 0003). Every read takes a {@link Visibility} and puts it
 * in the WHERE clause.
 */
@ApplicationScoped
class AdultStore {

    private static final String COLUMNS = "a.id, a.hr_id, a.first_name, a.last_name, a.work_email, a.category,"
            + " a.active, a.source, a.version, a.created_at, a.updated_at";
    /**
     * Visibility (see {@link Visibility}): the assignment rule of {@code current_assignments_on(day)} widened by the
     * leaver grace period, so it takes the start and the end cut-off as two days.
     */
    private static final String VISIBLE = " AND (? OR a.active AND EXISTS (SELECT 1 FROM adult_assignments v"
            + " WHERE v.adult_id = a.id AND v.school_urn = ANY(?) AND v.start_date <= ?"
            + " AND (v.end_date IS NULL OR v.end_date >= ?)) OR a.hr_id = ?"
            // an email names the caller only when it is no one else's too (as in findBySelf)
            + " OR a.work_email = ? AND NOT EXISTS (SELECT 1 FROM adults o WHERE o.work_email = a.work_email"
            + " AND o.id <> a.id))";

    @Inject
    Sql sql;

    @Inject
    AdvisoryLocks locks;

    /** Serialises writers of the register until the transaction ends, so concurrent syncs cannot interleave. */
    void lockRegister() {
        locks.lock(AdvisoryLocks.Lock.STAFF_REGISTER);
    }

    /** A sync batch's adults by HR id (up to 10,000 ids); plan-checked by the benchmark. */
    static final String BY_HR_IDS = "SELECT " + COLUMNS + " FROM adults a WHERE a.hr_id = ANY(?)";

    /** Their assignments, in one statement. */
    static final String ASSIGNMENTS_OF = "SELECT adult_id, school_urn, job_title, start_date, end_date,"
            + " responsibilities FROM adult_assignments WHERE adult_id = ANY(?) ORDER BY adult_id, position";

    Map<String, Adult> findByHrIds(Collection<String> hrIds) {
        Map<String, Adult> byHrId = new HashMap<>();
        for (Adult adult : query(BY_HR_IDS, List.of((Object) hrIds.toArray(String[]::new)))) {
            byHrId.put(adult.hrId(), adult);
        }
        return byHrId;
    }

    Map<UUID, Adult> findByIds(Collection<UUID> ids) {
        Map<UUID, Adult> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        for (Adult adult : query("SELECT " + COLUMNS + " FROM adults a WHERE a.id = ANY(?)", List.of((Object)
                ids.toArray(UUID[]::new)))) {
            byId.put(adult.id(), adult);
        }
        return byId;
    }

    /**
     * Active adults absent from a full sync's list, as an anti-join: {@code NOT (hr_id = ANY(?))} is hashed only in a
     * custom plan, and after five runs on a pooled connection PostgreSQL switches to the generic plan, an unhashed
     * {@code <> ALL} over 10,000 ids (1.4 s instead of 3 ms). The anti-join is hashed in both (guarded by
     * {@code PlanStabilityTest}).
     */
    static final String ACTIVE_NOT_LISTED = "SELECT " + COLUMNS + " FROM adults a WHERE a.active AND NOT EXISTS"
            + " (SELECT 1 FROM unnest(?::text[]) AS listed(hr_id) WHERE listed.hr_id = a.hr_id)";

    /** Active adults (HR-kept or manual) that a batch did not list. */
    List<Adult> findActiveNotIn(Collection<String> hrIds) {
        return query(ACTIVE_NOT_LISTED, List.of((Object) hrIds.toArray(String[]::new)));
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
            args.add(filter.updatedSince());
            if (filter.afterUpdatedAt() != null) {
                sql.append(" AND (a.updated_at, a.hr_id) > (?, ?)");
                args.add(filter.afterUpdatedAt());
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
        List<Object[]> rows = new ArrayList<>();
        for (Adult adult : adults) {
            rows.add(new Object[] {
                adult.id(),
                adult.hrId(),
                adult.firstName(),
                adult.lastName(),
                adult.workEmail(),
                adult.category(),
                adult.active(),
                adult.source(),
                adult.version(),
                adult.createdAt(),
                adult.updatedAt()
            });
        }
        sql.batch(
                "insert adults",
                "INSERT INTO adults (id, hr_id, first_name, last_name, work_email, category, active, source, version,"
                        + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
        insertAssignments(adults);
    }

    void updateAll(List<Adult> adults) {
        if (adults.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (Adult adult : adults) {
            rows.add(new Object[] {
                adult.firstName(),
                adult.lastName(),
                adult.workEmail(),
                adult.category(),
                adult.active(),
                adult.source(),
                adult.version(),
                adult.updatedAt(),
                adult.id()
            });
        }
        sql.batch(
                "update adults",
                "UPDATE adults SET first_name = ?, last_name = ?, work_email = ?, category = ?, active = ?, source = ?,"
                        + " version = ?, updated_at = ? WHERE id = ?",
                rows);
        sql.update("replace assignments", "DELETE FROM adult_assignments WHERE adult_id = ANY(?)", (Object)
                adults.stream().map(Adult::id).toArray(UUID[]::new));
        insertAssignments(adults);
    }

    private void insertAssignments(List<Adult> adults) {
        List<Object[]> rows = new ArrayList<>();
        for (Adult adult : adults) {
            List<Assignment> assignments = adult.assignments();
            for (int i = 0; i < assignments.size(); i++) {
                Assignment a = assignments.get(i);
                rows.add(new Object[] {
                    adult.id(),
                    (short) i,
                    a.schoolUrn(),
                    a.jobTitle(),
                    a.startDate(),
                    a.endDate(),
                    a.responsibilitiesInOrder().stream().map(Enum::name).toArray(String[]::new)
                });
            }
        }
        sql.batch(
                "insert assignments",
                "INSERT INTO adult_assignments (adult_id, position, school_urn, job_title, start_date, end_date,"
                        + " responsibilities) VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    /** What the identity provider calls these adults (SCIM, issue 29), for those it has written. */
    Map<UUID, IdpLink> findLinks(Collection<UUID> ids) {
        Map<UUID, IdpLink> links = new HashMap<>();
        if (ids.isEmpty()) {
            return links;
        }
        sql.list(
                "read identity-provider links",
                "SELECT adult_id, user_name, external_id FROM scim_links WHERE adult_id = ANY(?)",
                row -> links.put(row.uuid(1), new IdpLink(row.string(2), row.string(3))),
                (Object) ids.toArray(UUID[]::new));
        return links;
    }

    /** The adult another link already gives this user name (compared without case) or external id, if any. */
    Optional<UUID> linkHolder(String userName, String externalId) {
        return sql.first(
                "find an identity-provider link",
                "SELECT adult_id FROM scim_links WHERE lower(user_name) = lower(?) OR external_id = ? LIMIT 1",
                row -> row.uuid(1),
                userName,
                externalId);
    }

    /** Records what the identity provider calls the adult. */
    void saveLink(UUID adultId, IdpLink link, Instant now) {
        sql.update(
                "save an identity-provider link",
                "INSERT INTO scim_links (adult_id, user_name, external_id, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (adult_id) DO UPDATE SET user_name = EXCLUDED.user_name,"
                        + " external_id = EXCLUDED.external_id, updated_at = EXCLUDED.updated_at",
                adultId,
                link.userName(),
                link.externalId(),
                now,
                now);
    }

    /**
     * The provider's user search (SCIM filters, issue 29): every adult, active or not, matching all the given names, in
     * HR-id order from a 0-based offset. An adult without a link answers to their work email as user name.
     */
    List<Adult> provisioned(ProvisionedMatch match, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = provisionedWhere(match, args);
        args.add(offset);
        args.add(limit);
        return query(
                "SELECT " + COLUMNS + " FROM adults a LEFT JOIN scim_links l ON l.adult_id = a.id" + where
                        + " ORDER BY a.hr_id OFFSET ? LIMIT ?",
                args);
    }

    /** How many adults {@link #provisioned} would list in all. */
    long countProvisioned(ProvisionedMatch match) {
        List<Object> args = new ArrayList<>();
        String where = provisionedWhere(match, args);
        return sql.first(
                        "count provisioned adults",
                        "SELECT count(*) FROM adults a LEFT JOIN scim_links l ON l.adult_id = a.id" + where,
                        row -> row.longValue(1),
                        args.toArray())
                .orElse(0L);
    }

    private static String provisionedWhere(ProvisionedMatch match, List<Object> args) {
        StringBuilder where = new StringBuilder(" WHERE true");
        if (match.id() != null) {
            where.append(" AND a.id = ?");
            args.add(match.id());
        }
        if (match.userName() != null) {
            // two index lookups (the link's user name, or the work email of an adult with no link), never a scan
            where.append(" AND a.id IN (SELECT adult_id FROM scim_links WHERE lower(user_name) = lower(?)"
                    + " UNION ALL SELECT w.id FROM adults w WHERE w.work_email = lower(?)"
                    + " AND NOT EXISTS (SELECT 1 FROM scim_links x WHERE x.adult_id = w.id))");
            args.add(match.userName());
            args.add(match.userName());
        }
        if (match.externalId() != null) {
            where.append(" AND l.external_id = ?");
            args.add(match.externalId());
        }
        if (match.workEmail() != null) {
            where.append(" AND a.work_email = lower(?)");
            args.add(match.workEmail());
        }
        if (match.hrId() != null) {
            where.append(" AND a.hr_id = ?");
            args.add(match.hrId());
        }
        return where.toString();
    }

    /** Active adults with an assignment at the school on the day (a SCIM group's members), in HR-id order. */
    List<Adult> currentAt(String schoolUrn, java.time.LocalDate day) {
        return query(
                "SELECT " + COLUMNS + " FROM adults a WHERE a.active AND EXISTS (SELECT 1 FROM adult_assignments s"
                        + " WHERE s.adult_id = a.id AND s.school_urn = ? AND s.start_date <= ?"
                        + " AND (s.end_date IS NULL OR s.end_date >= ?)) ORDER BY a.hr_id",
                List.of(schoolUrn, day, day));
    }

    private static java.util.Set<Responsibility> responsibilities(List<String> names) {
        java.util.Set<Responsibility> set = java.util.EnumSet.noneOf(Responsibility.class);
        names.forEach(n -> set.add(Responsibility.valueOf(n)));
        return set;
    }

    private static void addVisibility(List<Object> args, Visibility visibility) {
        args.add(visibility.everyone());
        args.add(visibility.schools().toArray(String[]::new));
        args.add(visibility.today());
        args.add(visibility.endedNotBefore());
        args.add(visibility.selfHrId());
        args.add(visibility.selfEmail());
    }

    private List<Adult> query(String query, List<Object> args) {
        Map<UUID, AdultRow> rows = new LinkedHashMap<>();
        sql.list("read adults", query, row -> rows.put(row.uuid(1), new AdultRow(row)), args.toArray());
        Map<UUID, List<Assignment>> assignments = loadAssignments(rows.keySet());
        List<Adult> adults = new ArrayList<>(rows.size());
        for (AdultRow row : rows.values()) {
            adults.add(row.toAdult(assignments.getOrDefault(row.id, List.of())));
        }
        return adults;
    }

    private Map<UUID, List<Assignment>> loadAssignments(Collection<UUID> ids) {
        Map<UUID, List<Assignment>> byAdult = new HashMap<>();
        if (ids.isEmpty()) {
            return byAdult;
        }
        sql.list(
                "read assignments",
                ASSIGNMENTS_OF,
                row -> byAdult.computeIfAbsent(row.uuid(1), k -> new ArrayList<>())
                        .add(new Assignment(
                                row.string(2),
                                row.string(3),
                                row.date(4),
                                row.date(5),
                                responsibilities(row.strings(6)))),
                (Object) ids.toArray(UUID[]::new));
        return byAdult;
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

        AdultRow(Sql.Row row) throws SQLException {
            id = row.uuid(1);
            hrId = row.string(2);
            firstName = row.string(3);
            lastName = row.string(4);
            workEmail = row.string(5);
            category = row.enumValue(6, AdultCategory.class);
            active = row.bool(7);
            source = row.enumValue(8, AdultSource.class);
            version = row.longValue(9);
            createdAt = row.instant(10);
            updatedAt = row.instant(11);
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
