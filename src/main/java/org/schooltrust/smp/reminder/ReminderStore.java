package org.schooltrust.smp.reminder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.common.outbox.Outbox;
import org.schooltrust.smp.common.web.Versioned;

/** The reminder tables (migration V10): schedules, the calendar, messages and the reminders they carry. */
@ApplicationScoped
class ReminderStore {

    @Inject
    Sql sql;

    @Inject
    ObjectMapper json;

    // -- schedules and calendar

    Map<ReminderKind, ReminderSchedule> schedules() {
        Map<ReminderKind, ReminderSchedule> all = new EnumMap<>(ReminderKind.class);
        sql.list(
                "read reminder schedules",
                "SELECT kind, enabled, days_before::text[], on_due_date, after_days, repeat_every_days, max_sends,"
                        + " expires_after_days, version FROM reminder_schedules",
                row -> {
                    ReminderKind kind = row.enumValue(1, ReminderKind.class);
                    all.put(kind, scheduleOf(row));
                    return kind;
                });
        return all;
    }

    /** One kind's schedule with its version, in one read. */
    Versioned<ReminderSchedule> schedule(ReminderKind kind) {
        return sql.first(
                        "read a reminder schedule",
                        "SELECT kind, enabled, days_before::text[], on_due_date, after_days, repeat_every_days,"
                                + " max_sends, expires_after_days, version FROM reminder_schedules WHERE kind = ?",
                        row -> Versioned.existing(scheduleOf(row), row.longValue(9)),
                        kind)
                .orElseThrow();
    }

    private static ReminderSchedule scheduleOf(Sql.Row row) throws java.sql.SQLException {
        List<Integer> daysBefore = row.strings(3).stream().map(Integer::valueOf).toList();
        return new ReminderSchedule(
                row.enumValue(1, ReminderKind.class),
                row.bool(2),
                daysBefore,
                row.bool(4),
                row.integer(5),
                row.integer(6),
                row.intValue(7),
                row.integer(8));
    }

    /** Replaces a kind's schedule if its version is still {@code expected}; false when it moved on. */
    boolean saveSchedule(ReminderSchedule s, long expected, Instant now) {
        return sql.update(
                        "save a reminder schedule",
                        "UPDATE reminder_schedules SET enabled = ?, days_before = ?::integer[], on_due_date = ?,"
                                + " after_days = ?, repeat_every_days = ?, max_sends = ?, expires_after_days = ?,"
                                + " version = version + 1, updated_at = ? WHERE kind = ? AND version = ?",
                        s.enabled(),
                        s.daysBefore().stream().map(String::valueOf).toArray(String[]::new),
                        s.onDueDate(),
                        s.afterDays(),
                        s.repeatEveryDays(),
                        s.maxSends(),
                        s.expiresAfterDays(),
                        now,
                        s.kind(),
                        expected)
                == 1;
    }

    TrustCalendar calendar() {
        return new TrustCalendar(sql.list(
                "read the Trust calendar",
                "SELECT school_urn, start_date, end_date, label FROM calendar_closures ORDER BY start_date, school_urn",
                row -> new Closure(row.string(1), row.date(2), row.date(3), row.string(4))));
    }

    long calendarVersion() {
        return sql.first("read the calendar version", "SELECT version FROM calendar_state", row -> row.longValue(1))
                .orElseThrow();
    }

    /** Replaces every closure if the calendar's version is still {@code expected}; false when it moved on. */
    boolean saveCalendar(TrustCalendar calendar, long expected, Instant now) {
        if (sql.update(
                        "bump the calendar version",
                        "UPDATE calendar_state SET version = version + 1, updated_at = ? WHERE version = ?",
                        now,
                        expected)
                != 1) {
            return false;
        }
        sql.update("clear the calendar", "DELETE FROM calendar_closures");
        List<Object[]> rows = new ArrayList<>();
        for (Closure c : calendar.closures()) {
            rows.add(new Object[] {UUID.randomUUID(), c.schoolUrn(), c.start(), c.end(), c.label()});
        }
        sql.batch(
                "save the calendar",
                "INSERT INTO calendar_closures (id, school_urn, start_date, end_date, label) VALUES (?, ?, ?, ?, ?)",
                rows);
        return true;
    }

    Set<String> existingSchools(Set<String> urns) {
        return new HashSet<>(sql.list(
                "check schools exist", "SELECT urn FROM schools WHERE urn = ANY(?)", row -> row.string(1), (Object)
                        urns.toArray(String[]::new)));
    }

    // -- runs

    /** The candidates of the given overdue requirements not yet published as overdue. */
    List<Candidate> notNoticed(List<Candidate> overdue) {
        if (overdue.isEmpty()) {
            return List.of();
        }
        Set<String> noticed = new HashSet<>(sql.list(
                "read overdue notices",
                "SELECT subject_key FROM overdue_notices WHERE subject_key = ANY(?)",
                row -> row.string(1),
                (Object) overdue.stream().map(Candidate::subjectKey).toArray(String[]::new)));
        return overdue.stream().filter(c -> !noticed.contains(c.subjectKey())).toList();
    }

    void insertNotices(List<Candidate> overdue, Map<String, UUID> ids, Instant now) {
        List<Object[]> rows = new ArrayList<>();
        for (Candidate c : overdue) {
            rows.add(new Object[] {c.subjectKey(), ids.get(c.subjectKey()), c.aboutId(), c.schoolUrn(), now});
        }
        sql.batch(
                "record overdue notices",
                "INSERT INTO overdue_notices (subject_key, id, adult_id, school_urn, noticed_at) VALUES (?, ?, ?, ?, ?)",
                rows);
    }

    /** One message to write: its reminders share it. */
    record NewMessage(
            UUID id, ReminderKind kind, String stage, String schoolUrn, UUID recipientId, List<Planned> items) {}

    /** Adults of the school sent an acknowledgement reminder on {@code day} (scheduled or "remind now"). */
    java.util.Set<UUID> remindedToday(String school, java.time.LocalDate day) {
        return new java.util.HashSet<>(sql.list(
                "read who was reminded today",
                "SELECT DISTINCT recipient_adult_id FROM reminders WHERE kind = 'POLICY_ACKNOWLEDGEMENT'"
                        + " AND school_urn = ? AND created_at >= ? AND created_at < ?",
                row -> row.uuid(1),
                school,
                day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                day.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
    }

    void insertMessages(List<NewMessage> messages, boolean mail, Instant now) {
        List<Object[]> messageRows = new ArrayList<>();
        List<Object[]> reminderRows = new ArrayList<>();
        for (NewMessage m : messages) {
            messageRows.add(new Object[] {
                m.id(),
                m.kind(),
                m.stage(),
                m.schoolUrn(),
                m.recipientId(),
                context(m),
                m.items().size(),
                now,
                mail ? "PENDING" : "NOT_SENT",
                mail ? now : null
            });
            for (Planned p : m.items()) {
                Candidate c = p.candidate();
                reminderRows.add(new Object[] {
                    UUID.randomUUID(),
                    m.id(),
                    c.kind(),
                    p.stage().name(),
                    (short) p.stage().ordinal(),
                    c.subjectKey(),
                    c.schoolUrn(),
                    c.recipientId(),
                    c.aboutId(),
                    c.subjectRef(),
                    c.anchor(),
                    now
                });
            }
        }
        sql.batch(
                "record reminder messages",
                "INSERT INTO reminder_messages (id, kind, stage, school_urn, recipient_adult_id, context, item_count,"
                        + " created_at, email_status, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)",
                messageRows);
        sql.batch(
                "record reminders",
                "INSERT INTO reminders (id, message_id, kind, stage, ordinal, subject_key, school_urn,"
                        + " recipient_adult_id, about_adult_id, subject_ref, due_date, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                reminderRows);
    }

    /** A message that is not a scheduled reminder (a notice), to one recipient. */
    void insertNotice(
            ReminderKind kind,
            String schoolUrn,
            UUID recipient,
            Map<String, String> context,
            boolean mail,
            Instant now) {
        String text;
        try {
            text = json.writeValueAsString(context);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        sql.update(
                "record a notice",
                "INSERT INTO reminder_messages (id, kind, stage, school_urn, recipient_adult_id, context, item_count,"
                        + " created_at, email_status, next_attempt_at) VALUES (?, ?, 'NOTICE', ?, ?, ?::jsonb, 1, ?, ?, ?)",
                UUID.randomUUID(),
                kind,
                schoolUrn,
                recipient,
                text,
                now,
                mail ? "PENDING" : "NOT_SENT",
                mail ? now : null);
    }

    private String context(NewMessage m) {
        // an individual message keeps its candidate's context (names of policies and schools, dates); a digest
        // keeps only its count: its items are read when it is sent
        Map<String, String> context = m.kind().isDigest()
                ? Map.of("count", Integer.toString(m.items().size()))
                : m.items().get(0).candidate().context();
        try {
            return json.writeValueAsString(context);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, String> contextOf(String text) {
        try {
            return json.readValue(text, new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message claimed for sending, with everything the mail needs. */
    record Claimed(
            UUID id,
            ReminderKind kind,
            String stage,
            String schoolUrn,
            String schoolName,
            Map<String, String> context,
            int attempts,
            UUID lease,
            Instant leaseUntil,
            String firstName,
            String email,
            boolean active,
            List<String> items) {}

    /** The outbox claim: due messages, oldest due first, skipping rows another replica holds. */
    static final Outbox OUTBOX = new Outbox("reminder_messages", "email_status", "");

    static final String CLAIM =
            OUTBOX.claim("", "x.id, x.kind, x.stage, x.school_urn, x.context::text, x.attempts, x.recipient_adult_id");

    /**
     * Claims due messages under a lease and reads what sending them needs: the recipient as the register has them
     * today, the school's name, and a digest's items.
     */
    List<Claimed> claim(UUID leaseId, Instant leaseUntil, Instant now, LocalDate today, int batch) {
        List<Object[]> rows = sql.list(
                "claim due reminder emails",
                CLAIM,
                row -> new Object[] {
                    row.uuid(1),
                    row.enumValue(2, ReminderKind.class),
                    row.string(3),
                    row.string(4),
                    row.string(5),
                    row.intValue(6),
                    row.uuid(7)
                },
                leaseUntil,
                leaseId,
                now,
                now,
                batch);
        if (rows.isEmpty()) {
            return List.of();
        }
        UUID[] ids = rows.stream().map(r -> (UUID) r[0]).toArray(UUID[]::new);
        Map<UUID, String[]> recipients = new HashMap<>();
        sql.list(
                "read reminder recipients",
                // re-checked at send time (issue 23): a message meant for the school's Heads and DSLs (digests,
                // concern notices) goes only to someone who still is one there today, active and assigned; a notice
                // routed to the Trust only to an adult still active
                "SELECT m.id, a.first_name, a.work_email, a.active AND (NOT (m.kind = ANY(?))"
                        + " OR m.context->>'route' = 'TRUST' OR EXISTS (SELECT 1 FROM current_assignments_on(?) c"
                        + " WHERE c.adult_id = a.id AND c.school_urn = m.school_urn"
                        + " AND c.responsibilities && ARRAY['HEAD_OF_SCHOOL', 'DSL']::text[])), s.name"
                        + " FROM reminder_messages m"
                        + " JOIN adults a ON a.id = m.recipient_adult_id JOIN schools s ON s.urn = m.school_urn"
                        + " WHERE m.id = ANY(?)",
                row -> recipients.put(
                        row.uuid(1),
                        new String[] {row.string(2), row.string(3), Boolean.toString(row.bool(4)), row.string(5)}),
                ReminderKind.toResponsible().stream().map(Enum::name).toArray(String[]::new),
                today,
                (Object) ids);
        Map<UUID, List<String>> items = new HashMap<>();
        sql.list(
                "read reminder digest items",
                "SELECT r.message_id, r.kind, a.first_name, a.last_name, a.hr_id, p.title, r.due_date, sa.platform,"
                        + " sa.handle FROM reminders r"
                        + " LEFT JOIN adults a ON a.id = r.about_adult_id AND r.kind = 'OVERDUE_ESCALATION'"
                        + " LEFT JOIN policy_versions v ON v.id = r.subject_ref AND r.kind = 'OVERDUE_ESCALATION'"
                        + " LEFT JOIN policies p ON p.id = v.policy_id"
                        + " LEFT JOIN social_accounts sa ON sa.id = r.subject_ref AND r.kind = 'SOCIAL_ACCOUNT_REVIEW'"
                        + " WHERE r.message_id = ANY(?) AND r.kind IN ('OVERDUE_ESCALATION', 'SOCIAL_ACCOUNT_REVIEW')"
                        + " ORDER BY r.message_id, a.last_name, a.first_name, sa.platform, sa.handle",
                row -> items.computeIfAbsent(row.uuid(1), k -> new ArrayList<>())
                        .add(
                                row.enumValue(2, ReminderKind.class) == ReminderKind.OVERDUE_ESCALATION
                                        ? row.string(3) + " " + row.string(4) + " (" + row.string(5) + "): "
                                                + row.string(6) + ", due " + row.date(7)
                                        : row.string(8) + " " + row.string(9) + ", review due " + row.date(7)),
                (Object) ids);
        List<Claimed> claimed = new ArrayList<>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            String[] who = recipients.get(id);
            Map<String, String> context = new HashMap<>(contextOf((String) r[4]));
            context.put("schoolUrn", (String) r[3]);
            claimed.add(new Claimed(
                    id,
                    (ReminderKind) r[1],
                    (String) r[2],
                    (String) r[3],
                    who[3],
                    context,
                    (Integer) r[5],
                    leaseId,
                    leaseUntil,
                    who[0],
                    who[1],
                    Boolean.parseBoolean(who[2]),
                    items.getOrDefault(id, List.of())));
        }
        return claimed;
    }

    /** Settles a claimed message, fenced by its lease: a claim that lost its lease changes nothing. */
    void settle(Claimed m, String status, Instant next, Instant sentAt, String error) {
        sql.update(
                "settle a reminder email",
                OUTBOX.settle("email_status = ?, next_attempt_at = ?, sent_at = ?, last_error = ?"),
                status,
                next,
                sentAt,
                error,
                m.id(),
                m.lease());
    }
}
