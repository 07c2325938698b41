package org.schooltrust.smp.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.schooltrust.smp.common.time.TimeSource;

/**
 * Sends one delivery as the Standard Webhooks specification says: {@code webhook-id}, {@code webhook-timestamp} and
 * {@code webhook-signature} headers, signed by the specification's reference library with every secret in use. Success
 * is a 2xx within the timeout; redirects are not followed and count as failures.
 */
@ApplicationScoped
class WebhookSender {

    static final int EXCERPT_BYTES = 1024;

    @ConfigProperty(name = "smp.webhooks.timeout", defaultValue = "PT15S")
    Duration timeout;

    @Inject
    TimeSource time;

    @Inject
    SsrfGuard guard;

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "webhook-sender");
        thread.setDaemon(true);
        return thread;
    });

    private volatile HttpClient client;

    private HttpClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(timeout)
                            .executor(executor)
                            .build();
                }
            }
        }
        return client;
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
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
        var refusal = guard.refusal(endpoint.url());
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(
                    new DeliveryStore.Outcome(delivery, at, null, 0, "ssrf-refused", null, null));
        }
        long timestamp = at.getEpochSecond();
        String id = delivery.eventId().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", "smp-webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature(endpoint.signingSecrets(at), id, timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                .build();
        java.util.concurrent.atomic.AtomicReference<InputStream> body =
                new java.util.concurrent.atomic.AtomicReference<>();
        return client().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> {
                    body.set(response.body());
                    String excerpt = excerpt(response.body());
                    int ms = elapsed(started);
                    int code = response.statusCode();
                    String error =
                            code >= 200 && code < 300 ? null : code >= 300 && code < 400 ? "redirect" : "http-status";
                    String retryAfter =
                            response.headers().firstValue("retry-after").orElse(null);
                    return new DeliveryStore.Outcome(
                            delivery, at, code, ms, error, excerpt, code == 429 || code == 503 ? retryAfter : null);
                })
                // the client's timeout ends when the headers arrive; a body that stalls after them is cut off here
                .orTimeout(timeout.toMillis() + 2_000, java.util.concurrent.TimeUnit.MILLISECONDS)
                .exceptionally(failure -> {
                    closeQuietly(body.get());
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause()
                            : failure;
                    String error = cause instanceof HttpConnectTimeoutException
                            ? "connection"
                            : cause instanceof HttpTimeoutException
                                            || cause instanceof java.util.concurrent.TimeoutException
                                    ? "timeout"
                                    : "connection";
                    return new DeliveryStore.Outcome(delivery, at, null, elapsed(started), error, null, null);
                });
    }

    private static void closeQuietly(InputStream stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // already broken
            }
        }
    }

    private static int elapsed(long started) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
    }

    /** At most {@value #EXCERPT_BYTES} bytes of the body, as text; the rest is not read. */
    private static String excerpt(InputStream body) {
        try (body) {
            byte[] bytes = body.readNBytes(EXCERPT_BYTES);
            return bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8).replace("\u0000", "");
        } catch (IOException e) {
            return null;
        }
    }
}
