package org.schooltrust.smp.reminder;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.schooltrust.smp.audit.Action;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.db.AdvisoryLocks;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.event.EventType;
import org.schooltrust.smp.reminder.ReminderStore.NewMessage;
import org.schooltrust.smp.reminder.ReminderViews.KindCount;
import org.schooltrust.smp.reminder.ReminderViews.PlannedView;
import org.schooltrust.smp.reminder.ReminderViews.RunResult;
import org.schooltrust.smp.school.SchoolService;

/**
 * A reminder run (ADR 0016): plans what is due today, then — in the same transaction, under a lock so runs on N
 * replicas happen one after another — records each message and reminder once, audits and publishes them, and queues
 * their email. The mail itself goes later, from the outbox ({@link ReminderMailer}).
 */
@ApplicationScoped
public class ReminderRun {

    private static final Logger LOG = Logger.getLogger(ReminderRun.class);
    static final String AUDIT_TYPE = "reminder";
    private static final int SHOWN = 1000;

    @Inject
    ReminderPlanner planner;

    @Inject
    ReminderStore store;

    @Inject
    ChangeLog changes;

    @Inject
    AdvisoryLocks locks;

    @Inject
    TimeSource time;

    @Inject
    ReminderMailer mailer;

    @Inject
    ReminderCandidateQueries candidates;

    @Inject
    Caller caller;

    @Inject
    SchoolService schools;

    /** The stage of a Head's "remind now", with the day: at most one per subject and adult a day (the unique key). */
    static final String REMIND_NOW = "NOW_";

    @Inject
    ReminderConfig config;

    @Scheduled(cron = "${smp.reminders.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.enabled()) {
            RunResult result = run(false, null);
            LOG.infof("reminder run: %d reminders in %d messages", result.reminders(), result.messages());
        }
    }

    /** One run over the Trust, or one school; a dry run writes nothing. */
    @Transactional
    public RunResult run(boolean dryRun, String school) {
        if (!dryRun) {
            locks.lock(AdvisoryLocks.Lock.REMINDER_RUN);
        }
        ReminderPlan plan = planner.plan(time.today(), school);
        List<NewMessage> messages = messages(plan.reminders());
        if (!dryRun) {
            write(plan, messages);
        }
        return result(dryRun, plan, messages);
    }

    private RunResult result(boolean dryRun, ReminderPlan plan, List<NewMessage> messages) {
        List<PlannedView> items = plan.reminders().stream()
                .sorted(Comparator.comparing((Planned p) -> p.candidate().kind())
                        .thenComparing(p -> p.candidate().schoolUrn())
                        .thenComparing(p -> p.candidate().recipientHrId()))
                .limit(SHOWN)
                .map(PlannedView::of)
                .toList();
        return new RunResult(
                dryRun,
                plan.day(),
                plan.reminders().size(),
                messages.size(),
                plan.newlyOverdue().size(),
                mailer.enabled(),
                counts(plan.reminders(), messages),
                items,
                plan.reminders().size() > SHOWN);
    }

    /**
     * A Head's "remind my staff now" (issue 27): every adult of the school with a due or overdue acknowledgement gets
     * its reminder now, beside the schedule — except an adult already reminded today (by the schedule or a click), so
     * each adult is reminded at most once a day. A dry run answers who would be. The caller is the school's Head or
     * trust-admin (others 404); audited, and each reminder is recorded and published like a scheduled one.
     */
    @Transactional
    public RunResult remindNow(String school, boolean dryRun) {
        if (!caller.has(Role.TRUST_ADMIN) && !caller.isHeadOf(school)) {
            throw new ResourceNotFoundException("No school " + school + " among your schools.");
        }
        schools.get(school);
        if (!dryRun) {
            locks.lock(AdvisoryLocks.Lock.REMINDER_RUN);
        }
        java.time.LocalDate today = time.today();
        java.util.Set<UUID> remindedToday = store.remindedToday(school, today);
        ReminderSchedule.Stage now = new ReminderSchedule.Stage(REMIND_NOW + today, 0, today);
        List<Planned> planned =
                candidates.acknowledgements(today, today.plusDays(ReminderSchedule.MAX_DAYS), school).stream()
                        .filter(c -> !remindedToday.contains(c.recipientId()))
                        .map(c -> new Planned(c, now))
                        .toList();
        ReminderPlan plan = new ReminderPlan(today, planned, List.of());
        List<NewMessage> messages = messages(planned);
        if (!dryRun) {
            write(plan, messages);
            changes.record(AuditEntry.of(ReminderAction.REMIND_NOW, "school", school, school)
                    .withRefs(Map.of(
                            "adults",
                            Long.toString(planned.stream()
                                    .map(p -> p.candidate().recipientId())
                                    .distinct()
                                    .count()),
                            "reminders",
                            Integer.toString(planned.size()))));
        }
        return result(dryRun, plan, messages);
    }

    /** An adult's reminder is one message; a digest's reminders share one per (kind, school, Head). */
    private static List<NewMessage> messages(List<Planned> planned) {
        List<NewMessage> messages = new ArrayList<>();
        Map<String, List<Planned>> digests = new LinkedHashMap<>();
        for (Planned p : planned) {
            Candidate c = p.candidate();
            if (c.kind().isDigest()) {
                digests.computeIfAbsent(c.kind() + "|" + c.schoolUrn() + "|" + c.recipientId(), k -> new ArrayList<>())
                        .add(p);
            } else {
                messages.add(new NewMessage(
                        UUID.randomUUID(), c.kind(), p.stage().name(), c.schoolUrn(), c.recipientId(), List.of(p)));
            }
        }
        digests.values().forEach(items -> {
            Candidate c = items.get(0).candidate();
            messages.add(new NewMessage(
                    UUID.randomUUID(), c.kind(), "DIGEST", c.schoolUrn(), c.recipientId(), List.copyOf(items)));
        });
        return messages;
    }

    private void write(ReminderPlan plan, List<NewMessage> messages) {
        Instant now = time.now();
        store.insertMessages(messages, mailer.enabled(), now);
        Map<String, UUID> noticeIds = new HashMap<>();
        plan.newlyOverdue().forEach(c -> noticeIds.put(c.subjectKey(), UUID.randomUUID()));
        store.insertNotices(plan.newlyOverdue(), noticeIds, now);

        List<AuditEntry> entries = new ArrayList<>();
        for (NewMessage m : messages) {
            Candidate first = m.items().get(0).candidate();
            Map<String, String> refs = new HashMap<>();
            refs.put("kind", m.kind().name());
            refs.put("stage", m.stage());
            refs.put(EventType.STAFF_HR_ID, first.recipientHrId());
            if (m.kind().isDigest()) {
                refs.put("count", Integer.toString(m.items().size()));
            } else {
                refs.put("dueDate", first.anchor().toString());
                if (first.context().containsKey("policySlug")) {
                    refs.put("policy", first.context().get("policySlug"));
                }
            }
            Action action = m.kind() == ReminderKind.OVERDUE_ESCALATION
                    ? ReminderAction.ESCALATION_SENT
                    : ReminderAction.REMINDER_SENT;
            entries.add(AuditEntry.of(action, AUDIT_TYPE, m.id().toString(), m.schoolUrn())
                    .withRefs(refs));
        }
        for (Candidate c : plan.newlyOverdue()) {
            entries.add(AuditEntry.of(
                            ReminderAction.REQUIREMENT_OVERDUE,
                            "requirement",
                            noticeIds.get(c.subjectKey()).toString(),
                            c.schoolUrn())
                    .withRefs(Map.of(
                            EventType.STAFF_HR_ID,
                            c.aboutHrId(),
                            "policy",
                            c.context().get("policySlug"),
                            "dueDate",
                            c.anchor().toString())));
        }
        changes.recordAll(entries);
    }

    private static List<KindCount> counts(List<Planned> planned, List<NewMessage> messages) {
        Map<ReminderKind, int[]> counts = new EnumMap<>(ReminderKind.class);
        planned.forEach(p -> counts.computeIfAbsent(p.candidate().kind(), k -> new int[2])[0]++);
        messages.forEach(m -> counts.computeIfAbsent(m.kind(), k -> new int[2])[1]++);
        return counts.entrySet().stream()
                .map(e -> new KindCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }
}
