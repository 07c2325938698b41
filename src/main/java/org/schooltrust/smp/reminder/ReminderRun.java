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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.audit.AuditLog;
import org.schooltrust.smp.common.db.AdvisoryLocks;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.event.EventType;
import org.schooltrust.smp.reminder.ReminderStore.NewMessage;
import org.schooltrust.smp.reminder.ReminderViews.KindCount;
import org.schooltrust.smp.reminder.ReminderViews.PlannedView;
import org.schooltrust.smp.reminder.ReminderViews.RunResult;

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
    AuditLog audit;

    @Inject
    AdvisoryLocks locks;

    @Inject
    TimeSource time;

    @Inject
    ReminderMailer mailer;

    @ConfigProperty(name = "smp.reminders.enabled", defaultValue = "true")
    boolean enabled;

    @Scheduled(cron = "${smp.reminders.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (enabled) {
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
            String action = m.kind() == ReminderKind.OVERDUE_ESCALATION ? "escalation.sent" : "reminder.sent";
            entries.add(AuditEntry.of(action, AUDIT_TYPE, m.id().toString(), m.schoolUrn())
                    .withRefs(refs));
        }
        for (Candidate c : plan.newlyOverdue()) {
            entries.add(AuditEntry.of(
                            "requirement.overdue",
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
        audit.recordAll(entries);
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
