package org.schooltrust.smp.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.schooltrust.smp.support.WebhookReceiver;

/**
 * Issue 11's figures, each beside a baseline from the same run: the 10,000-adult full sync with events on against the
 * same sync on an app started with events off ({@code SMP_EVENTS_PUBLISH=false}); webhook delivery throughput to a
 * local receiver and commit-to-receipt latency when idle, beside the trivial endpoint's rate.
 */
public final class EventsBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REPEATS = 5;

    private EventsBenchmark() {}

    public static void main(String[] args) throws Exception {
        long off;
        try (BenchApp app = BenchApp.start("bench-events-off", Map.of("SMP_EVENTS_PUBLISH", "false"))) {
            off = fullSyncMedian(app);
        }
        try (BenchApp app = BenchApp.start("bench-events-on", Map.of("SMP_WEBHOOKS_ALLOWED_HOSTS", "localhost"))) {
            long on = fullSyncMedian(app);
            System.out.println();
            System.out.println(
                    "== Staff sync, " + Benchmark.ADULTS + " adults, full, median of " + REPEATS + " (warm) ==");
            System.out.printf("  events off (baseline)                 %6d ms%n", off);
            System.out.printf(
                    "  events on                             %6d ms   %.2fx (target <= 1.25x)%n",
                    on, (double) on / off);
            delivery(app);
        }
    }

    private static List<String> schools(BenchApp app, String admin) throws Exception {
        List<String> urns = new ArrayList<>();
        for (int i = 0; i < Benchmark.SCHOOLS; i++) {
            String urn = Integer.toString(300_000 + i);
            urns.add(urn);
            app.send("PUT", "/api/v1/schools/" + urn, admin, "{\"name\":\"School " + urn + "\",\"status\":\"OPEN\"}");
        }
        return urns;
    }

    private static long fullSyncMedian(BenchApp app) throws Exception {
        String admin = app.token(Set.of("trust-admin"), Map.of());
        String hr = app.token(Set.of("hr-sync"), Map.of());
        String full = JSON.writeValueAsString(Map.of("records", Benchmark.adults(schools(app, admin), -1)));
        long[] times = new long[REPEATS];
        for (int i = -1; i < REPEATS; i++) { // one warm-up
            app.sql("DELETE FROM adult_assignments", "DELETE FROM adults");
            long t = Benchmark.time(() -> app.send("POST", "/api/v1/staff/sync?mode=full", hr, full));
            if (i >= 0) {
                times[i] = t;
            }
        }
        return Benchmark.median(times);
    }

    private static void delivery(BenchApp app) throws Exception {
        String admin = app.token(Set.of("trust-admin"), Map.of());
        String hr = app.token(Set.of("hr-sync"), Map.of());
        Benchmark.Rate trivial = Benchmark.rate(4, 5, i -> app.send("GET", "/api/v1/schools/300000", admin, null));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, Object> endpoint = new HashMap<>();
            endpoint.put("url", receiver.url("/bench"));
            endpoint.put("eventTypes", List.of("staff.created", "school.updated"));
            endpoint.put("identity", Map.of("role", "hr-sync"));
            app.send("POST", "/api/v1/webhook-endpoints", admin, JSON.writeValueAsString(endpoint));

            // throughput: one full sync publishes 10,000 staff.created events; time until the last one is received
            app.sql("DELETE FROM adult_assignments", "DELETE FROM adults");
            String full = JSON.writeValueAsString(Map.of(
                    "records",
                    Benchmark.adults(
                            java.util.stream.IntStream.range(0, Benchmark.SCHOOLS)
                                    .mapToObj(i -> Integer.toString(300_000 + i))
                                    .toList(),
                            -1)));
            app.send("POST", "/api/v1/staff/sync?mode=full", hr, full);
            long committed = System.nanoTime();
            while (receiver.received().size() < Benchmark.ADULTS) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - committed) / 1e9;
            int before = receiver.received().size();

            // latency when idle: one change at a time, commit (the response) to receipt
            long[] micros = new long[100];
            for (int i = 0; i < micros.length; i++) {
                int expected = before + i + 1;
                app.send(
                        "PUT", "/api/v1/schools/300001", admin, "{\"name\":\"Renamed " + i + "\",\"status\":\"OPEN\"}");
                long done = System.nanoTime();
                while (receiver.received().size() < expected) {
                    Thread.onSpinWait();
                }
                micros[i] = (System.nanoTime() - done) / 1000;
                Thread.sleep(50);
            }
            Arrays.sort(micros);
            System.out.println();
            System.out.println(
                    "== Webhook delivery to a local receiver (one app instance, SMP_WEBHOOKS_POLL 250ms) ==");
            System.out.printf(
                    "  trivial endpoint (GET /schools/{urn}, 4 clients)   %8.0f req/s (baseline)%n",
                    trivial.perSecond());
            System.out.printf(
                    "  delivery, 10,000 events                            %8.0f events/s  (%.2fx trivial; target >= 500/s)%n",
                    Benchmark.ADULTS / seconds, Benchmark.ADULTS / seconds / trivial.perSecond());
            System.out.printf(
                    "  commit-to-receipt when idle, 100 changes: p50 %d ms, p99 %d ms (target p99 < 1000 ms)%n",
                    micros[49] / 1000, micros[98] / 1000);
        }
    }
}
