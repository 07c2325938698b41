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
    ReminderCandidateQueries candidates;

    @Inject
    ReminderMailer mailer;

    @Inject
    TimeSource time;

    /**
     * How many adults besides {@code exclude} hold Head or DSL on a current assignment at the handling schools: who
     * could handle a concern there (ADR 0024). Zero means the concern would reach nobody at the schools.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int handlerCount(Set<String> handlingSchools, UUID exclude) {
        return (int) candidates
                .responsible(
                        time.today(),
                        handlingSchools,
                        Set.of(Responsibility.HEAD_OF_SCHOOL.name(), Responsibility.DSL.name()))
                .stream()
                .map(ReminderCandidateQueries.Head::id)
                .filter(id -> !id.equals(exclude))
                .distinct()
                .count();
    }

    /**
     * A concern was routed to the Trust (ADR 0024): each of the Trust's safeguarding leads is told at once, as a
     * school's Head would be. Returns how many were told.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int concernRoutedToTrust(
            UUID concernId, String schoolUrn, boolean urgent, String category, List<UUID> trustLeads, boolean mail) {
        int told = 0;
        for (UUID lead : trustLeads) {
            store.insertNotice(
                    ReminderKind.CONCERN_RAISED,
                    schoolUrn,
                    lead,
                    Map.of(
                            "concernId",
                            concernId.toString(),
                            "category",
                            category,
                            "urgent",
                            Boolean.toString(urgent),
                            "raisedAtSchool",
                            schoolUrn,
                            "route",
                            "TRUST"),
                    mailer.enabled() && mail,
                    time.now());
            told++;
        }
        return told;
    }

    /**
     * A concern was raised: its handling schools' Heads — and for an urgent one, or one naming an adult, their DSLs —
     * are told at once, except {@code exclude} (the adult the concern names); recorded but not mailed when
     * {@code mail} is false (an urgent concern within the reporter's urgent-mail window). Returns how many were told.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int concernRaised(
            UUID concernId,
            String schoolUrn,
            Set<String> handlingSchools,
            boolean urgent,
            String category,
            UUID exclude,
            boolean mail) {
        // a concern naming an adult also goes to the DSLs: the adult named may be the school's only Head
        boolean dslsToo = urgent || exclude != null;
        List<ReminderCandidateQueries.Head> recipients = candidates.responsible(
                time.today(),
                handlingSchools,
                dslsToo
                        ? Set.of(Responsibility.HEAD_OF_SCHOOL.name(), Responsibility.DSL.name())
                        : Set.of(Responsibility.HEAD_OF_SCHOOL.name()));
        int told = 0;
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        for (ReminderCandidateQueries.Head r : recipients) {
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
                    mailer.enabled() && mail,
                    time.now());
            told++;
        }
        return told;
    }
}
