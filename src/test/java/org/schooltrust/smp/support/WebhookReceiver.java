package org.schooltrust.smp.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/** A real HTTP receiver in the test JVM: records every request, answers as scripted (200 unless told otherwise). */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(Map<String, List<String>> headers, String body, long receivedAtNanos) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A scripted answer. */
    public record Answer(int status, long delayMillis, Map<String, String> headers, boolean stallBody) {

        public Answer(int status, long delayMillis, Map<String, String> headers) {
            this(status, delayMillis, headers, false);
        }

        public static Answer status(int status) {
            return new Answer(status, 0, Map.of());
        }

        /** Sends the status and headers at once, then never finishes the body. */
        public static Answer stalling() {
            return new Answer(200, 0, Map.of(), true);
        }
    }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = Executors.newFixedThreadPool(256);
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private volatile Answer otherwise = Answer.status(200);

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, System.nanoTime()));
            Answer answer = script.poll();
            if (answer == null) {
                answer = otherwise;
            }
            if (answer.delayMillis() > 0) {
                try {
                    Thread.sleep(answer.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] reply = ("answer " + answer.status()).getBytes(StandardCharsets.UTF_8);
            if (answer.stallBody()) {
                try {
                    exchange.sendResponseHeaders(answer.status(), 0);
                    exchange.getResponseBody().write(reply);
                    exchange.getResponseBody().flush();
                    Thread.sleep(30_000);
                } catch (IOException | InterruptedException e) {
                    // the client gave up, or the receiver closed
                }
                return;
            }
            try {
                exchange.sendResponseHeaders(answer.status(), reply.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply);
                }
            } catch (IOException e) {
                // the client gave up (a timeout test)
            }
        });
        server.start();
    }

    public String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    /** The next answers, in order; then {@link #otherwise}. */
    public WebhookReceiver then(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    public WebhookReceiver otherwise(Answer answer) {
        otherwise = answer;
        return this;
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
