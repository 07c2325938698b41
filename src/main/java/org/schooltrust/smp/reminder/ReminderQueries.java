package org.schooltrust.smp.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.common.paging.Cursor;

/** Reminders' read models: an adult's own messages. */
@ApplicationScoped
class ReminderQueries {

    @Inject
    Sql sql;

    /** The adult's own reminder messages, newest first, keyset-paged. */
    List<ReminderViews.MyReminderView> mine(UUID adultId, Cursor.TimeAndId after, int limitPlusOne) {
        return sql.list(
                "read my reminders",
                "SELECT m.id, m.kind, m.stage, m.school_urn, (m.context->>'dueDate')::date, m.item_count, m.created_at,"
                        + " m.email_status, m.sent_at, m.attempts FROM reminder_messages m"
                        + " WHERE m.recipient_adult_id = ? AND (?::timestamptz IS NULL OR (m.created_at, m.id) < (?, ?))"
                        + " ORDER BY m.created_at DESC, m.id DESC LIMIT ?",
                row -> new ReminderViews.MyReminderView(
                        row.uuid(1),
                        row.enumValue(2, ReminderKind.class),
                        row.string(3),
                        row.string(4),
                        row.date(5),
                        row.enumValue(2, ReminderKind.class).isDigest() ? row.intValue(6) : null,
                        row.instant(7),
                        row.enumValue(8, ReminderViews.EmailStatus.class),
                        row.instant(9),
                        row.intValue(10)),
                adultId,
                after == null ? null : after.time(),
                after == null ? null : after.time(),
                after == null ? null : after.id(),
                limitPlusOne);
    }
}
