package org.schooltrust.smp.reminder;

import org.schooltrust.smp.audit.Action;

/** Reminders, their schedules and the Trust calendar: the actions this feature records (issue 22; {@code audit/Action}). Codes are stable once released. */
public enum ReminderAction implements Action {
    REMINDER_SENT("reminder.sent", null),
    ESCALATION_SENT("escalation.sent", null),
    REQUIREMENT_OVERDUE("requirement.overdue", null),
    REMIND_NOW("reminders.remind-now", "each reminder it sends is published as reminder.sent"),
    SCHEDULE_UPDATED("reminder-schedule.updated", "Trust settings, read through the API"),
    CALENDAR_UPDATED("calendar.updated", "Trust settings, read through the API");

    private final String code;
    private final String notPublishedBecause;

    ReminderAction(String code, String notPublishedBecause) {
        this.code = code;
        this.notPublishedBecause = notPublishedBecause;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String notPublishedBecause() {
        return notPublishedBecause;
    }
}
