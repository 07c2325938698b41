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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.reminder.ReminderStore.Claimed;

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

    @Inject
    ReminderConfig config;

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
            every = "${smp.reminders.send-every}",
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

    private List<Claimed> claim() {
        Instant now = time.now();
        return store.claim(UUID.randomUUID(), now.plus(config.mailLease()), now, time.today(), BATCH);
    }

    private boolean send(Claimed m) {
        if (!time.now().isBefore(m.leaseUntil())) {
            // queued behind slow sends past its lease: another claim may own it now, so this one must not
            // send it
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
            boolean last = m.attempts() >= config.mailMaxAttempts();
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
                .run(() -> store.settle(m, status, next, "SENT".equals(status) ? now : null, error));
    }
}
