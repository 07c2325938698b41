package org.schooltrust.smp.reminder;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * Something a reminder may be due about, for one recipient: the subject's stable key (the exactly-once key with the
 * kind, recipient and stage), its school, the anchor date its schedule counts from, and what the message names.
 * {@code about} is the adult the reminder concerns when that is not the recipient (an escalation's overdue adult).
 * {@code context} holds no personal data: policy, school and account names, dates.
 */
public record Candidate(
        ReminderKind kind,
        String subjectKey,
        String schoolUrn,
        UUID recipientId,
        String recipientHrId,
        UUID aboutId,
        String aboutHrId,
        UUID subjectRef,
        LocalDate anchor,
        Map<String, String> context) {

    public Candidate {
        context = Map.copyOf(context);
    }

    /** The key its history is kept under. */
    String historyKey() {
        return kind + "|" + subjectKey + "|" + recipientId;
    }
}
