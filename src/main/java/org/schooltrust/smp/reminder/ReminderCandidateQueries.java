package org.schooltrust.smp.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.schooltrust.smp.common.db.Sql;

/**
 * What each kind of reminder may be due about today, read set-based: one statement per kind over the whole Trust (or
 * one school), never one per adult. The requirement rule is {@code policy_requirements_on(day)} (migration V8).
 */
@ApplicationScoped
class ReminderCandidateQueries {

    /** A Head is an active adult with a current assignment at the school marked HEAD_OF_SCHOOL. */
    record Head(String schoolUrn, UUID id, String hrId) {}

    @Inject
    Sql sql;

    /** Adults with a DUE or OVERDUE acknowledgement whose due date is on or before {@code dueBy}. */
    List<Candidate> acknowledgements(LocalDate today, LocalDate dueBy, String school) {
        return sql.list(
                "read reminder candidates: acknowledgements",
                "SELECT v.basis_id, r.slug, r.label, p.title, r.adult_id, r.hr_id, r.school_urn, r.due_date, sc.name,"
                        + " lt.basis_id FROM policy_requirements_on(?) r JOIN policy_versions v ON v.id = r.version_id"
                        + " JOIN policies p ON p.slug = r.slug JOIN schools sc ON sc.urn = r.school_urn"
                        + " LEFT JOIN policy_local_texts lt ON lt.version_id = r.version_id"
                        + " AND lt.school_urn = r.school_urn AND lt.status = 'PUBLISHED'"
                        + " WHERE r.required AND r.status IN ('DUE', 'OVERDUE') AND r.due_date <= ?"
                        + " AND (?::text IS NULL OR r.school_urn = ?)",
                row -> {
                    UUID basis = row.uuid(1);
                    UUID adult = row.uuid(5);
                    String urn = row.string(7);
                    LocalDate due = row.date(8);
                    // a school's material local text is a new thing to acknowledge there: its basis joins the key
                    UUID localBasis = row.uuid(10);
                    return new Candidate(
                            ReminderKind.POLICY_ACKNOWLEDGEMENT,
                            "ack:" + basis + ":" + adult + ":" + urn + (localBasis == null ? "" : ":" + localBasis),
                            urn,
                            adult,
                            row.string(6),
                            adult,
                            row.string(6),
                            basis,
                            due,
                            Map.of(
                                    "policySlug", row.string(2),
                                    "policyLabel", row.string(3),
                                    "policyTitle", row.string(4),
                                    "dueDate", due.toString(),
                                    "schoolName", row.string(9)));
                },
                today,
                dueBy,
                school,
                school);
    }

    /** Assignments current today that started on or after {@code startedFrom}: the joiners (clause 5.2). */
    List<Candidate> joiners(LocalDate today, LocalDate startedFrom, String school) {
        return sql.list(
                "read reminder candidates: joiners",
                "SELECT DISTINCT a.id, a.hr_id, s.school_urn, s.start_date, sc.name FROM current_assignments_on(?) s"
                        + " JOIN adults a ON a.id = s.adult_id JOIN schools sc ON sc.urn = s.school_urn"
                        + " WHERE a.active AND s.start_date >= ? AND (?::text IS NULL OR s.school_urn = ?)",
                row -> {
                    UUID adult = row.uuid(1);
                    LocalDate start = row.date(4);
                    return new Candidate(
                            ReminderKind.JOINER_WELCOME,
                            "join:" + adult + ":" + row.string(3) + ":" + start,
                            row.string(3),
                            adult,
                            row.string(2),
                            adult,
                            row.string(2),
                            null,
                            start,
                            Map.of("startDate", start.toString(), "schoolName", row.string(5)));
                },
                today,
                startedFrom,
                school,
                school);
    }

    /** Acknowledged declarations whose re-confirmation date is on or before {@code dueBy} (clause 6.8). */
    List<Candidate> reconfirmations(LocalDate today, LocalDate dueBy, String school) {
        return sql.list(
                "read reminder candidates: re-confirmations",
                "SELECT d.id, a.id, a.hr_id, d.school_urn, d.reconfirm_by, sc.name FROM family_declarations d"
                        + " JOIN adults a ON a.id = d.adult_id JOIN schools sc ON sc.urn = d.school_urn"
                        + " WHERE d.status = 'ACKNOWLEDGED' AND d.reconfirm_by <= ? AND a.active"
                        + " AND EXISTS (SELECT 1 FROM current_assignments_on(?) s WHERE s.adult_id = a.id"
                        + " AND s.school_urn = d.school_urn) AND (?::text IS NULL OR d.school_urn = ?)",
                row -> {
                    UUID declaration = row.uuid(1);
                    LocalDate by = row.date(5);
                    return new Candidate(
                            ReminderKind.DECLARATION_RECONFIRMATION,
                            "reconfirm:" + declaration + ":" + by,
                            row.string(4),
                            row.uuid(2),
                            row.string(3),
                            row.uuid(2),
                            row.string(3),
                            declaration,
                            by,
                            Map.of("dueDate", by.toString(), "schoolName", row.string(6)));
                },
                dueBy,
                today,
                school,
                school);
    }

    /**
     * Policies whose review date is on or before {@code dueBy}, for their owner: the adult, or each active adult holding
     * the owning responsibility at its school today. The owner's school (their first by URN) is where the calendar is
     * read.
     */
    List<Candidate> policyReviews(LocalDate today, LocalDate dueBy, String school) {
        return sql.list(
                "read reminder candidates: policy reviews",
                "SELECT r.policy_id, r.review_date, p.slug, p.title, o.adult_id, o.hr_id, o.school_urn, sc.name"
                        + " FROM policy_reviews r JOIN policies p ON p.id = r.policy_id"
                        + " JOIN LATERAL (SELECT DISTINCT ON (a.id) a.id AS adult_id, a.hr_id, s.school_urn"
                        + " FROM current_assignments_on(?) s JOIN adults a ON a.id = s.adult_id WHERE a.active"
                        + " AND (a.id = r.owner_adult_id OR (s.school_urn = r.owner_school_urn"
                        + " AND r.owner_responsibility = ANY(s.responsibilities))) ORDER BY a.id, s.school_urn) o ON true"
                        + " JOIN schools sc ON sc.urn = o.school_urn"
                        + " WHERE r.review_date <= ? AND (?::text IS NULL OR o.school_urn = ?)",
                row -> {
                    UUID policy = row.uuid(1);
                    LocalDate date = row.date(2);
                    return new Candidate(
                            ReminderKind.POLICY_REVIEW,
                            "review:" + policy + ":" + date,
                            row.string(7),
                            row.uuid(5),
                            row.string(6),
                            null,
                            null,
                            policy,
                            date,
                            Map.of(
                                    "policySlug", row.string(3),
                                    "policyTitle", row.string(4),
                                    "dueDate", date.toString(),
                                    "schoolName", row.string(8)));
                },
                today,
                dueBy,
                school,
                school);
    }

    /** The Heads of every school (or one): the recipients of digests. */
    Map<String, List<Head>> heads(LocalDate today, String school) {
        Map<String, List<Head>> bySchool = new HashMap<>();
        sql.list(
                "read the schools' Heads",
                "SELECT DISTINCT s.school_urn, a.id, a.hr_id FROM current_assignments_on(?) s"
                        + " JOIN adults a ON a.id = s.adult_id WHERE a.active AND 'HEAD_OF_SCHOOL' = ANY(s.responsibilities)"
                        + " AND (?::text IS NULL OR s.school_urn = ?) ORDER BY 1, 3",
                row -> bySchool.computeIfAbsent(row.string(1), k -> new ArrayList<>())
                        .add(new Head(row.string(1), row.uuid(2), row.string(3))),
                today,
                school,
                school);
        return bySchool;
    }

    /** Active adults currently assigned at one of {@code schools} with one of the given responsibilities. */
    List<Head> responsible(LocalDate today, java.util.Set<String> schools, java.util.Set<String> responsibilities) {
        return sql.list(
                "read the schools' responsible adults",
                "SELECT DISTINCT s.school_urn, a.id, a.hr_id FROM current_assignments_on(?) s"
                        + " JOIN adults a ON a.id = s.adult_id WHERE a.active AND s.school_urn = ANY(?)"
                        + " AND s.responsibilities && ? ORDER BY 1, 3",
                row -> new Head(row.string(1), row.uuid(2), row.string(3)),
                today,
                schools.toArray(String[]::new),
                responsibilities.toArray(String[]::new));
    }

    /** Declarations awaiting the Head's review, anchored on the day they were last submitted. */
    List<Subject> pendingReviews(String school) {
        return sql.list(
                "read reminder candidates: pending reviews",
                "SELECT d.id, d.school_urn, (d.updated_at AT TIME ZONE 'UTC')::date, d.adult_id FROM family_declarations d"
                        + " WHERE d.status = 'SUBMITTED' AND (?::text IS NULL OR d.school_urn = ?)",
                row -> new Subject(row.uuid(1), row.string(2), row.date(3), row.uuid(4), Map.of()),
                school,
                school);
    }

    /** Approved, live or suspended accounts whose review date is on or before {@code dueBy} (clause 8.1). */
    List<Subject> accountReviews(LocalDate dueBy, String school) {
        return sql.list(
                "read reminder candidates: account reviews",
                "SELECT id, school_urn, review_due, platform, handle FROM social_accounts"
                        + " WHERE status IN ('APPROVED', 'ACTIVE', 'SUSPENDED') AND review_due <= ?"
                        + " AND (?::text IS NULL OR school_urn = ?)",
                row -> new Subject(
                        row.uuid(1),
                        row.string(2),
                        row.date(3),
                        null,
                        Map.of("platform", row.string(4), "handle", row.string(5))),
                dueBy,
                school,
                school);
    }

    /** Something at a school a digest counts or lists; {@code owner} is an adult who must not review it. */
    record Subject(UUID id, String schoolUrn, LocalDate anchor, UUID owner, Map<String, String> context) {}

    /** The history of the given candidates (one statement per kind). */
    Map<String, SendHistory> history(ReminderKind kind, List<Candidate> candidates) {
        Map<String, SendHistory> history = new HashMap<>();
        if (candidates.isEmpty()) {
            return history;
        }
        sql.list(
                "read reminder history",
                "SELECT subject_key, recipient_adult_id, count(*), (max(created_at) AT TIME ZONE 'UTC')::date,"
                        + " array_agg(stage) FROM reminders WHERE kind = ? AND subject_key = ANY(?)"
                        + " GROUP BY subject_key, recipient_adult_id",
                row -> history.put(
                        kind + "|" + row.string(1) + "|" + row.uuid(2),
                        new SendHistory(row.intValue(3), row.date(4), java.util.Set.copyOf(row.strings(5)))),
                kind,
                candidates.stream().map(Candidate::subjectKey).distinct().toArray(String[]::new));
        return history;
    }
}
