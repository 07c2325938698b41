package org.schooltrust.smp.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.schooltrust.smp.common.paging.Cursor;
import org.schooltrust.smp.common.paging.Page;
import org.schooltrust.smp.common.paging.PageParams;
import org.schooltrust.smp.reminder.ReminderViews.MyReminderView;
import org.schooltrust.smp.staff.StaffService;

/** The caller's own reminders: only messages addressed to the adult their token names. */
@ApplicationScoped
class MyReminders {

    @Inject
    ReminderQueries queries;

    @Inject
    StaffService staff;

    Page<MyReminderView> list(PageParams page) {
        Cursor.TimeAndId after = page.cursor == null ? null : Cursor.TimeAndId.decode(page.cursor);
        UUID me = staff.me().id();
        var rows = queries.mine(me, after, page.limit() + 1);
        return Page.of(rows, page.limit(), r -> Cursor.TimeAndId.encode(r.createdAt(), r.id()));
    }
}
