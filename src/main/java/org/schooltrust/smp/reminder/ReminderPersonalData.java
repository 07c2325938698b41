package org.schooltrust.smp.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.schooltrust.smp.common.records.PersonalData;

/** The personal data this feature holds (issue 24; {@link PersonalData}). */
@ApplicationScoped
class ReminderPersonalData implements PersonalData {

    @Override
    public List<Disposal> disposals() {
        return List.of(new Disposal(
                "REMINDER",
                "reminder_messages m",
                "m.id",
                "true",
                "m.created_at",
                "ARRAY[m.recipient_adult_id]",
                "ARRAY[m.school_urn]",
                "NULL::text",
                "DELETED",
                List.of(
                        "DELETE FROM reminders WHERE message_id = ANY(?::uuid[])",
                        "DELETE FROM reminder_messages WHERE id = ANY(?::uuid[])")));
    }

    @Override
    public List<Section> sections() {
        return List.of(new Section(
                "remindersSent",
                60,
                false,
                "SELECT id, kind, stage, school_urn, created_at, email_status, sent_at"
                        + " FROM reminder_messages WHERE recipient_adult_id = ? ORDER BY created_at"));
    }

    @Override
    public List<Table> tables() {
        return List.of(
                Table.of("reminder_messages", "REMINDER"),
                Table.of("reminders", "REMINDER"),
                Table.kept("overdue_notices", "one row per overdue requirement, removed when it is met"));
    }
}
