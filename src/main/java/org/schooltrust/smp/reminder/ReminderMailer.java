package org.schooltrust.smp.reminder;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.common.time.TimeSource;

/**
 * The email outbox of reminders (ADR 0016): claims due messages under a lease (so N replicas never send one message
 * at the same time), sends each through the configured SMTP server, and marks it SENT fenced by its lease — so a
 * message that was accepted is never sent again, and one that failed is retried with back-off. Mail is off while
 * {@code SMP_MAIL_HOST} is unset: messages are then recorded as NOT_SENT and reach consumers as events only.
 */
@ApplicationScoped
public class ReminderMailer {

    private static final Logger LOG = Logger.getLogger(ReminderMailer.class);
    private static final int BATCH = 50;
    private static final long[] BACKOFF_MINUTES = {1, 5, 15, 60, 120, 240, 480, 720};

    @ConfigProperty(name = "smp.mail.host")
    Optional<String> host;

    @ConfigProperty(name = "smp.portal.url")
    Optional<String> portalUrl;

    @ConfigProperty(name = "smp.reminders.mail-max-attempts", defaultValue = "8")
    int maxAttempts;

    @ConfigProperty(name = "smp.reminders.mail-lease", defaultValue = "PT2M")
    Duration lease;

    /** Messages of a batch in flight at once: an SMTP exchange is mostly waiting, so a few overlap well. */
    @ConfigProperty(name = "smp.mail.concurrency", defaultValue = "4")
    int concurrency;

    private java.util.concurrent.ExecutorService senders;

    @jakarta.annotation.PostConstruct
    void startSenders() {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        senders = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, concurrency), r -> {
            Thread t = new Thread(r, "reminder-mail-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        mailContext = vertx.getOrCreateContext();
    }

    /** The one event-loop context every send starts on (see {@link #mailer}). */
    private Context mailContext;

    @jakarta.annotation.PreDestroy
    void stopSenders() {
        senders.shutdownNow();
    }

    /**
     * Sends are started on one Vert.x event-loop context, never on a sender thread: the Vert.x mail client (4.5)
     * connects from the calling thread and sets its read handler in a callback queued on the event loop, so a server
     * greeting that arrives in between is dropped and the send hangs until the timeout, keeping its pool slot (found
     * reproducing a test stall: 42 of 480 sends hung from plain threads, none from one event-loop context; a new
     * context per send still hung now and then).
     */
    @Inject
    ReactiveMailer mailer;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.mailer.timeout")
    Duration sendTimeout;

    @Inject
    Sql sql;

    @Inject
    ReminderStore store;

    @Inject
    TimeSource time;

    @Location("reminders/message.txt")
    Template text;

    @Location("reminders/message.html")
    Template html;

    public boolean enabled() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    @Scheduled(
            every = "${smp.reminders.send-every:30s}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (enabled()) {
            sendPending();
        }
    }

    /** Sends every message due now; returns how many were accepted by the mail server. */
    public int sendPending() {
        int sent = 0;
        while (true) {
            List<Claimed> batch = QuarkusTransaction.requiringNew().call(this::claim);
            if (batch.isEmpty()) {
                return sent;
            }
            List<java.util.concurrent.Future<Boolean>> inFlight = new ArrayList<>();
            for (Claimed m : batch) {
                inFlight.add(senders.submit(() -> send(m)));
            }
            for (java.util.concurrent.Future<Boolean> f : inFlight) {
                try {
                    if (f.get()) {
                        sent++;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return sent;
                } catch (java.util.concurrent.ExecutionException e) {
                    // send settles its own failures; anything else leaves the message leased, retried when it ends
                    LOG.warnf(
                            "reminder email sender failed: %s",
                            e.getCause().getClass().getSimpleName());
                }
            }
        }
    }

    record Claimed(
            UUID id,
            ReminderKind kind,
            String stage,
            String schoolUrn,
            String schoolName,
            Map<String, String> context,
            int attempts,
            UUID lease,
            Instant leaseUntil,
            String firstName,
            String email,
            boolean active,
            List<String> items) {}

    /** The outbox claim: due messages, oldest due first, skipping rows another replica holds. */
    static final String CLAIM =
            "UPDATE reminder_messages m SET lease_id = ?, lease_until = ?, attempts = m.attempts + 1"
                    + " WHERE m.id IN (SELECT q.id FROM reminder_messages q WHERE q.email_status = 'PENDING'"
                    + " AND q.next_attempt_at <= ? AND (q.lease_until IS NULL OR q.lease_until <= ?)"
                    + " ORDER BY q.next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)"
                    + " RETURNING m.id, m.kind, m.stage, m.school_urn, m.context::text, m.attempts,"
                    + " m.recipient_adult_id";

    private List<Claimed> claim() {
        Instant now = time.now();
        UUID leaseId = UUID.randomUUID();
        Instant leaseUntil = now.plus(lease);
        List<Object[]> rows = sql.list(
                "claim due reminder emails",
                CLAIM,
                row -> new Object[] {
                    row.uuid(1),
                    row.enumValue(2, ReminderKind.class),
                    row.string(3),
                    row.string(4),
                    row.string(5),
                    row.intValue(6),
                    row.uuid(7)
                },
                leaseId,
                leaseUntil,
                now,
                now,
                BATCH);
        if (rows.isEmpty()) {
            return List.of();
        }
        UUID[] ids = rows.stream().map(r -> (UUID) r[0]).toArray(UUID[]::new);
        Map<UUID, String[]> recipients = new HashMap<>();
        sql.list(
                "read reminder recipients",
                // re-checked at send time (issue 23): a message meant for the school's Heads and DSLs (digests,
                // concern notices) goes only to someone who still is one there today, active and assigned; a notice
                // routed to the Trust only to an adult still active
                "SELECT m.id, a.first_name, a.work_email, a.active AND (NOT (m.kind = ANY(?))"
                        + " OR m.context->>'route' = 'TRUST' OR EXISTS (SELECT 1 FROM current_assignments_on(?) c"
                        + " WHERE c.adult_id = a.id AND c.school_urn = m.school_urn"
                        + " AND c.responsibilities && ARRAY['HEAD_OF_SCHOOL', 'DSL']::text[])), s.name"
                        + " FROM reminder_messages m"
                        + " JOIN adults a ON a.id = m.recipient_adult_id JOIN schools s ON s.urn = m.school_urn"
                        + " WHERE m.id = ANY(?)",
                row -> recipients.put(
                        row.uuid(1),
                        new String[] {row.string(2), row.string(3), Boolean.toString(row.bool(4)), row.string(5)}),
                ReminderKind.toResponsible().stream().map(Enum::name).toArray(String[]::new),
                time.today(),
                (Object) ids);
        Map<UUID, List<String>> items = new HashMap<>();
        sql.list(
                "read reminder digest items",
                "SELECT r.message_id, r.kind, a.first_name, a.last_name, a.hr_id, p.title, r.due_date, sa.platform,"
                        + " sa.handle FROM reminders r"
                        + " LEFT JOIN adults a ON a.id = r.about_adult_id AND r.kind = 'OVERDUE_ESCALATION'"
                        + " LEFT JOIN policy_versions v ON v.id = r.subject_ref AND r.kind = 'OVERDUE_ESCALATION'"
                        + " LEFT JOIN policies p ON p.id = v.policy_id"
                        + " LEFT JOIN social_accounts sa ON sa.id = r.subject_ref AND r.kind = 'SOCIAL_ACCOUNT_REVIEW'"
                        + " WHERE r.message_id = ANY(?) AND r.kind IN ('OVERDUE_ESCALATION', 'SOCIAL_ACCOUNT_REVIEW')"
                        + " ORDER BY r.message_id, a.last_name, a.first_name, sa.platform, sa.handle",
                row -> items.computeIfAbsent(row.uuid(1), k -> new ArrayList<>())
                        .add(
                                row.enumValue(2, ReminderKind.class) == ReminderKind.OVERDUE_ESCALATION
                                        ? row.string(3) + " " + row.string(4) + " (" + row.string(5) + "): "
                                                + row.string(6) + ", due " + row.date(7)
                                        : row.string(8) + " " + row.string(9) + ", review due " + row.date(7)),
                (Object) ids);
        List<Claimed> claimed = new ArrayList<>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            String[] who = recipients.get(id);
            Map<String, String> context = new HashMap<>(contextOf((String) r[4]));
            context.put("schoolUrn", (String) r[3]);
            claimed.add(new Claimed(
                    id,
                    (ReminderKind) r[1],
                    (String) r[2],
                    (String) r[3],
                    who[3],
                    context,
                    (Integer) r[5],
                    leaseId,
                    leaseUntil,
                    who[0],
                    who[1],
                    Boolean.parseBoolean(who[2]),
                    items.getOrDefault(id, List.of())));
        }
        return claimed;
    }

    private boolean send(Claimed m) {
        if (!time.now().isBefore(m.leaseUntil())) {
            // queued behind slow sends past its lease: another claim may own it now, so this one must not send it
            return false;
        }
        if (!m.active()) {
            settle(m, "NOT_SENT", null, null);
            return false;
        }
        int count =
                m.context().containsKey("count") ? Integer.parseInt(m.context().get("count")) : 1;
        ReminderTexts texts = ReminderTexts.of(m.kind(), m.stage(), m.schoolName(), m.context(), count);
        String link = portalUrl
                .filter(u -> !u.isBlank())
                .map(u -> u.replaceAll("/+$", "") + texts.portalPath())
                .orElse(null);
        Map<String, Object> data = Map.of(
                "name", m.firstName(),
                "paragraphs", texts.paragraphs(),
                "items", m.items(),
                "link", link == null ? "" : link,
                "school", m.schoolName());
        try {
            Mail mail = Mail.withText(
                            m.email(), texts.subject(), text.data(data).render())
                    .setHtml(html.data(data).render())
                    .addHeader("X-Reminder-Id", m.id().toString());
            mailer.send(mail)
                    .runSubscriptionOn(task -> mailContext.runOnContext(ignored -> task.run()))
                    .await()
                    .atMost(sendTimeout);
            settle(m, "SENT", null, null);
            return true;
        } catch (RuntimeException e) {
            // the exception's message may name the recipient's address: keep only its class
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String error = root == e
                    ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + "/" + root.getClass().getSimpleName();
            boolean last = m.attempts() >= maxAttempts;
            Instant next = last
                    ? null
                    : time.now()
                            .plus(Duration.ofMinutes(
                                    BACKOFF_MINUTES[Math.min(m.attempts(), BACKOFF_MINUTES.length) - 1]));
            settle(m, last ? "FAILED" : "PENDING", next, error);
            LOG.warnf("reminder email %s failed (attempt %d): %s", m.id(), m.attempts(), error);
            return false;
        }
    }

    private void settle(Claimed m, String status, Instant next, String error) {
        Instant now = time.now();
        QuarkusTransaction.requiringNew()
                .run(() -> sql.update(
                        "settle a reminder email",
                        "UPDATE reminder_messages SET email_status = ?, next_attempt_at = ?, sent_at = ?,"
                                + " last_error = ?, lease_id = NULL, lease_until = NULL WHERE id = ? AND lease_id = ?",
                        status,
                        next,
                        "SENT".equals(status) ? now : null,
                        error,
                        m.id(),
                        m.lease()));
    }

    private Map<String, String> contextOf(String text) {
        return store.contextOf(text);
    }
}
