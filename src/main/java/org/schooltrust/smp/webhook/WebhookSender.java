package org.schooltrust.smp.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.schooltrust.smp.common.time.TimeSource;

/**
 * Sends one delivery as the Standard Webhooks specification says: {@code webhook-id}, {@code webhook-timestamp} and
 * {@code webhook-signature} headers, signed by the specification's reference library with every secret in use. Success
 * is a 2xx within the timeout; redirects are not followed and count as failures.
 *
 * <p>Each attempt asks the {@link SsrfGuard} first and connects to the very address it approved (Vert.x's HTTP client
 * with the server address given, so nothing resolves the host again), while the URL's host is still sent as Host and
 * as TLS SNI and the certificate is verified against it.
 */
@ApplicationScoped
class WebhookSender {

    static final int EXCERPT_BYTES = 1024;

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    @Inject
    WebhooksConfig config;

    @Inject
    TimeSource time;

    @Inject
    SsrfGuard guard;

    @Inject
    Vertx vertx;

    private volatile HttpClient client;

    /** The one event-loop context every attempt runs on (see {@link #send}). */
    private volatile Context context;

    private Context context() {
        if (context == null) {
            synchronized (this) {
                if (context == null) {
                    context = vertx.getOrCreateContext();
                }
            }
        }
        return context;
    }

    private HttpClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx.createHttpClient(new HttpClientOptions()
                            .setConnectTimeout((int)
                                    Math.min(Integer.MAX_VALUE, config.timeout().toMillis()))
                            .setForceSni(true)
                            .setVerifyHost(true)
                            .setMaxPoolSize(16)
                            .setKeepAlive(true)
                            // below the idle timeout of common receivers, so a pooled connection is not one they
                            // are closing at that moment
                            .setKeepAliveTimeout(4));
                }
            }
        }
        return client;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    /** The {@code webhook-signature} header: one {@code v1,} signature per secret, space-separated. */
    static String signature(List<String> secrets, String id, long timestamp, String payload) {
        return secrets.stream()
                .map(secret -> {
                    try {
                        return new Webhook(secret).sign(id, timestamp, payload);
                    } catch (WebhookSigningException e) {
                        throw new IllegalStateException("signing a webhook failed", e);
                    }
                })
                .collect(Collectors.joining(" "));
    }

    /** Starts the attempt; the future never fails: an error is an outcome. */
    CompletableFuture<DeliveryStore.Outcome> send(DeliveryStore.Claimed delivery, Endpoint endpoint) {
        Instant at = time.now();
        long started = System.nanoTime();
        SsrfGuard.Verdict verdict = guard.check(endpoint.url());
        if (verdict.approved().isEmpty()) {
            return CompletableFuture.completedFuture(
                    new DeliveryStore.Outcome(delivery, at, null, 0, "ssrf-refused", null, null));
        }
        SsrfGuard.Approved target = verdict.approved().get();
        long timestamp = at.getEpochSecond();
        String id = delivery.eventId().toString();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.tls())
                .setURI(target.target())
                .setFollowRedirects(false)
                .setIdleTimeout(config.timeout().toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "smp-webhooks/1")
                .putHeader("webhook-id", id)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader(
                        "webhook-signature", signature(endpoint.signingSecrets(at), id, timestamp, delivery.payload()));
        Buffer body = Buffer.buffer(delivery.payload(), StandardCharsets.UTF_8.name());
        CompletableFuture<DeliveryStore.Outcome> pending = new CompletableFuture<>();
        // the whole exchange runs on one event-loop context: started from the dispatcher's thread, a small response on
        // loopback could complete a future before the next step was attached to it, and its body was then read with
        // no handler set — the receiver had the request, the attempt was logged as a "connection" failure (the same
        // race the mail sender had, see ReminderMailer)
        context()
                .runOnContext(ignored -> attempt(options, body, delivery, at, started)
                        .onComplete(done -> {
                            if (done.succeeded()) {
                                pending.complete(done.result());
                            } else {
                                pending.completeExceptionally(done.cause());
                            }
                        }));
        return pending
                // a body that stalls after the headers is cut off here at the latest
                .orTimeout(config.timeout().toMillis() + 2_000, TimeUnit.MILLISECONDS)
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause()
                            : failure;
                    // Vert.x's idle timeout and the overall one are TimeoutExceptions; a connect timeout is not
                    String error = cause instanceof TimeoutException ? "timeout" : "connection";
                    // the cause's class only: its message can carry the receiver's URL
                    LOG.debugf(
                            "webhook attempt failed: %s (%s)",
                            error, cause.getClass().getName());
                    return new DeliveryStore.Outcome(delivery, at, null, elapsed(started), error, null, null);
                });
    }

    private Future<DeliveryStore.Outcome> attempt(
            RequestOptions options, Buffer body, DeliveryStore.Claimed delivery, Instant at, long started) {
        return client().request(options)
                .compose(request -> request.send(body))
                .compose(response -> excerpt(response).map(excerpt -> {
                    int code = response.statusCode();
                    String error =
                            code >= 200 && code < 300 ? null : code >= 300 && code < 400 ? "redirect" : "http-status";
                    String retryAfter = response.getHeader("retry-after");
                    return new DeliveryStore.Outcome(
                            delivery,
                            at,
                            code,
                            elapsed(started),
                            error,
                            excerpt,
                            code == 429 || code == 503 ? retryAfter : null);
                }));
    }

    private static int elapsed(long started) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
    }

    /** At most {@value #EXCERPT_BYTES} bytes of the body, as text; the rest is not read (the connection is closed). */
    private static Future<String> excerpt(HttpClientResponse response) {
        Promise<String> done = Promise.promise();
        Buffer read = Buffer.buffer();
        response.exceptionHandler(done::tryFail);
        response.endHandler(end -> done.tryComplete(text(read)));
        response.handler(chunk -> {
            int room = EXCERPT_BYTES - read.length();
            read.appendBuffer(chunk.length() <= room ? chunk : chunk.getBuffer(0, room));
            if (read.length() >= EXCERPT_BYTES && done.tryComplete(text(read))) {
                response.request().connection().close();
            }
        });
        return done.future();
    }

    private static String text(Buffer read) {
        return read.length() == 0 ? null : read.toString(StandardCharsets.UTF_8).replace("\u0000", "");
    }
}
