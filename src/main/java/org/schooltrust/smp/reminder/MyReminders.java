package org.schooltrust.smp.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.reminder.ReminderViews.EmailStatus;
import org.schooltrust.smp.reminder.ReminderViews.MyReminderView;
import org.schooltrust.smp.staff.StaffService;

/** The caller's own reminders: only messages addressed to the adult their token names. */
@ApplicationScoped
class MyReminders {

    @Inject
    Sql sql;

    @Inject
    StaffService staff;

    Page<MyReminderView> list(PageParams page) {
        Cursor.TimeAndId after = page.cursor == null ? null : Cursor.TimeAndId.decode(page.cursor);
        java.util.UUID me = staff.me().id();
        var rows = sql.list(
                "read my reminders",
                "SELECT m.id, m.kind, m.stage, m.school_urn, (m.context->>'dueDate')::date, m.item_count, m.created_at,"
                        + " m.email_status, m.sent_at, m.attempts FROM reminder_messages m"
                        + " WHERE m.recipient_adult_id = ? AND (?::timestamptz IS NULL OR (m.created_at, m.id) < (?, ?))"
                        + " ORDER BY m.created_at DESC, m.id DESC LIMIT ?",
                row -> new MyReminderView(
                        row.uuid(1),
                        row.enumValue(2, ReminderKind.class),
                        row.string(3),
                        row.string(4),
                        row.date(5),
                        row.enumValue(2, ReminderKind.class).isDigest() ? row.intValue(6) : null,
                        row.instant(7),
                        row.enumValue(8, EmailStatus.class),
                        row.instant(9),
                        row.intValue(10)),
                me,
                after == null ? null : after.time(),
                after == null ? null : after.time(),
                after == null ? null : after.id(),
                page.limit() + 1);
        return Page.of(rows, page.limit(), r -> Cursor.TimeAndId.encode(r.createdAt(), r.id()));
    }
}
