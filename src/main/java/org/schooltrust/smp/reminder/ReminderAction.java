package org.schooltrust.smp.reminder;

import org.schooltrust.smp.audit.Action;

/** Reminders, their schedules and the Trust calendar: the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public final class ReminderAction {

    private ReminderAction() {}

    public static final Action REMINDER_SENT = Action.published("reminder.sent");

    public static final Action ESCALATION_SENT = Action.published("escalation.sent");

    public static final Action REQUIREMENT_OVERDUE = Action.published("requirement.overdue");

    public static final Action REMIND_NOW =
            Action.notPublished("reminders.remind-now", "each reminder it sends is published as reminder.sent");

    public static final Action SCHEDULE_UPDATED =
            Action.notPublished("reminder-schedule.updated", "Trust settings, read through the API");

    public static final Action CALENDAR_UPDATED =
            Action.notPublished("calendar.updated", "Trust settings, read through the API");
}
