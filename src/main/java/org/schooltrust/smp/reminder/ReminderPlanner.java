package org.schooltrust.smp.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.schooltrust.smp.reminder.ReminderCandidateQueries.Head;
import org.schooltrust.smp.reminder.ReminderCandidateQueries.Subject;

/**
 * Works out what a run sends today: reads every kind's candidates set-based, each kind's history in one statement,
 * and asks each schedule which stage is due ({@link ReminderSchedule#stageDue}). Reads only; {@link ReminderRun}
 * writes.
 */
@ApplicationScoped
class ReminderPlanner {

    /** How far back a subject's anchor may lie and still be worth reading (beyond the schedule's own reach). */
    private static final int LOOKBACK_DAYS = 400;

    @Inject
    ReminderCandidateQueries candidates;

    @Inject
    ReminderStore store;

    ReminderPlan plan(LocalDate today, String school) {
        Map<ReminderKind, ReminderSchedule> schedules = store.schedules();
        TrustCalendar calendar = store.calendar();
        List<Planned> planned = new ArrayList<>();

        ReminderSchedule ack = schedules.get(ReminderKind.POLICY_ACKNOWLEDGEMENT);
        ReminderSchedule escalation = schedules.get(ReminderKind.OVERDUE_ESCALATION);
        List<Candidate> requirements =
                candidates.acknowledgements(today, today.plusDays(ReminderSchedule.MAX_DAYS), school);
        due(ack, requirements, calendar, today, planned);

        List<Candidate> overdue =
                requirements.stream().filter(c -> c.anchor().isBefore(today)).toList();
        List<Candidate> newlyOverdue = store.notNoticed(overdue);

        Map<String, List<Head>> heads = candidates.heads(today, school);
        List<Candidate> escalations = new ArrayList<>();
        for (Candidate c : overdue) {
            for (Head head : heads.getOrDefault(c.schoolUrn(), List.of())) {
                if (!head.id().equals(c.aboutId())) {
                    escalations.add(toHead(c, ReminderKind.OVERDUE_ESCALATION, head));
                }
            }
        }
        due(escalation, escalations, calendar, today, planned);

        ReminderSchedule welcome = schedules.get(ReminderKind.JOINER_WELCOME);
        int welcomeReach = welcome.expiresAfterDays() == null ? LOOKBACK_DAYS : welcome.expiresAfterDays();
        due(
                welcome,
                candidates.joiners(today, today.minusDays(welcomeReach + TrustCalendar.MAX_CLOSURE_DAYS), school),
                calendar,
                today,
                planned);

        due(
                schedules.get(ReminderKind.DECLARATION_RECONFIRMATION),
                candidates.reconfirmations(today, today.plusDays(ReminderSchedule.MAX_DAYS), school),
                calendar,
                today,
                planned);

        due(
                schedules.get(ReminderKind.DECLARATION_REVIEW),
                toHeads(ReminderKind.DECLARATION_REVIEW, "review", candidates.pendingReviews(school), heads),
                calendar,
                today,
                planned);
        due(
                schedules.get(ReminderKind.SOCIAL_ACCOUNT_REVIEW),
                toHeads(
                        ReminderKind.SOCIAL_ACCOUNT_REVIEW,
                        "account",
                        candidates.accountReviews(today.plusDays(ReminderSchedule.MAX_DAYS), school),
                        heads),
                calendar,
                today,
                planned);
        due(
                schedules.get(ReminderKind.POLICY_REVIEW),
                candidates.policyReviews(today, today.plusDays(ReminderSchedule.MAX_DAYS), school),
                calendar,
                today,
                planned);
        return new ReminderPlan(today, planned, newlyOverdue);
    }

    private void due(
            ReminderSchedule schedule,
            List<Candidate> all,
            TrustCalendar calendar,
            LocalDate today,
            List<Planned> planned) {
        if (!schedule.enabled() || all.isEmpty()) {
            return;
        }
        Map<String, SendHistory> history = candidates.history(schedule.kind(), all);
        for (Candidate c : all) {
            schedule.stageDue(
                            c.anchor(),
                            c.schoolUrn(),
                            calendar,
                            history.getOrDefault(c.historyKey(), SendHistory.NONE),
                            today)
                    .ifPresent(stage -> planned.add(new Planned(c, stage)));
        }
    }

    private static Candidate toHead(Candidate about, ReminderKind kind, Head head) {
        return new Candidate(
                kind,
                about.subjectKey(),
                about.schoolUrn(),
                head.id(),
                head.hrId(),
                about.aboutId(),
                about.aboutHrId(),
                about.subjectRef(),
                about.anchor(),
                about.context());
    }

    private static List<Candidate> toHeads(
            ReminderKind kind, String prefix, List<Subject> subjects, Map<String, List<Head>> heads) {
        List<Candidate> all = new ArrayList<>();
        for (Subject s : subjects) {
            Map<String, String> context = new HashMap<>(s.context());
            context.put("dueDate", s.anchor().toString());
            for (Head head : heads.getOrDefault(s.schoolUrn(), List.of())) {
                if (!head.id().equals(s.owner())) {
                    all.add(new Candidate(
                            kind,
                            prefix + ":" + s.id() + ":" + s.anchor(),
                            s.schoolUrn(),
                            head.id(),
                            head.hrId(),
                            null,
                            null,
                            s.id(),
                            s.anchor(),
                            context));
                }
            }
        }
        return all;
    }
}
