package org.schooltrust.smp.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.staff.Responsibility;

/**
 * Messages sent when something happens rather than on a schedule, through the same outbox as reminders (ADR 0016):
 * recorded in the caller's transaction, mailed by {@link ReminderMailer}. They carry ids and names of schools and
 * categories, never what was reported.
 */
@ApplicationScoped
public class Notifications {

    @Inject
    ReminderStore store;

    @Inject
    ReminderCandidates candidates;

    @Inject
    ReminderMailer mailer;

    @Inject
    TimeSource time;

    /**
     * A concern was raised: its handling schools' Heads — and for an urgent one, or one naming an adult, their DSLs —
     * are told at once, except {@code exclude} (the adult the concern names). Returns how many were told.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int concernRaised(
            UUID concernId,
            String schoolUrn,
            Set<String> handlingSchools,
            boolean urgent,
            String category,
            UUID exclude) {
        // a concern naming an adult also goes to the DSLs: the adult named may be the school's only Head
        boolean dslsToo = urgent || exclude != null;
        List<ReminderCandidates.Head> recipients = candidates.responsible(
                time.today(),
                handlingSchools,
                dslsToo
                        ? Set.of(Responsibility.HEAD_OF_SCHOOL.name(), Responsibility.DSL.name())
                        : Set.of(Responsibility.HEAD_OF_SCHOOL.name()));
        int told = 0;
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        for (ReminderCandidates.Head r : recipients) {
            if (r.id().equals(exclude) || !seen.add(r.id())) {
                continue;
            }
            store.insertNotice(
                    ReminderKind.CONCERN_RAISED,
                    r.schoolUrn(),
                    r.id(),
                    Map.of(
                            "concernId",
                            concernId.toString(),
                            "category",
                            category,
                            "urgent",
                            Boolean.toString(urgent),
                            "raisedAtSchool",
                            schoolUrn),
                    mailer.enabled(),
                    time.now());
            told++;
        }
        return told;
    }
}
