package org.schooltrust.smp.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 13's figures: 5 MB screenshots uploaded as concern evidence, 8 at once, against the packaged app with a
 * 512 MB heap. Prints each upload's time and the peak heap in use while they run (sampled from the app's own
 * Prometheus metrics every 10 ms) above the heap in use just before, per upload in flight, beside 2 × the file size.
 */
public final class ConcernsBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SIZE = 5 * 1024 * 1024;
    private static final int PARALLEL = 8;
    private static final Pattern HEAP = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)");

    private ConcernsBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (BenchApp app = BenchApp.start("bench-concerns", Map.of())) {
            String admin = app.token(Set.of("trust-admin"), Map.of());
            String hr = app.token(Set.of("hr-sync"), Map.of());
            String urn = "300000";
            app.send("PUT", "/api/v1/schools/" + urn, admin, "{\"name\":\"School " + urn + "\",\"status\":\"OPEN\"}");
            List<Map<String, Object>> records = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                Map<String, Object> adult = new LinkedHashMap<>();
                adult.put("hrId", "C" + i);
                adult.put("firstName", "First" + i);
                adult.put("lastName", "Last" + i);
                adult.put("workEmail", "c" + i + "@bench.example");
                adult.put("category", "TEACHER");
                adult.put("active", true);
                adult.put("assignments", List.of(Map.of("schoolUrn", urn, "startDate", "2024-09-01")));
                records.add(adult);
            }
            app.send(
                    "POST", "/api/v1/staff/sync?mode=partial", hr, JSON.writeValueAsString(Map.of("records", records)));
            byte[] png = new byte[SIZE];
            ThreadLocalRandom.current().nextBytes(png);
            byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
            System.arraycopy(signature, 0, png, 0, signature.length);

            List<String> tokens = new ArrayList<>();
            List<String> concerns = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                String token = app.token(Set.of("staff"), Map.of("employee_id", "C" + i, "schools", List.of(urn)));
                tokens.add(token);
                String body = JSON.writeValueAsString(Map.of(
                        "schoolUrn", urn,
                        "category", "CYBERBULLYING",
                        "occurredAt", "2026-11-30T19:40:00Z",
                        "description", "Abusive comments, screenshots attached."));
                concerns.add(JSON.readTree(app.send("POST", "/api/v1/me/concerns", token, body)
                                .body())
                        .get("id")
                        .asText());
            }
            ExecutorService pool = Executors.newFixedThreadPool(PARALLEL + 1);
            try {
                for (int round = 0; round < 3; round++) { // round 0 warms up
                    double before = heap(app);
                    AtomicLong peak = new AtomicLong((long) before);
                    java.util.concurrent.atomic.AtomicBoolean running =
                            new java.util.concurrent.atomic.AtomicBoolean(true);
                    Future<?> sampler = pool.submit(() -> {
                        while (running.get()) {
                            try {
                                peak.accumulateAndGet((long) heap(app), Math::max);
                                Thread.sleep(10);
                            } catch (Exception e) {
                                return;
                            }
                        }
                    });
                    List<Future<Long>> uploads = new ArrayList<>();
                    for (int i = 0; i < PARALLEL; i++) {
                        int n = i;
                        uploads.add(pool.submit(() -> upload(app, tokens.get(n), concerns.get(n), png)));
                    }
                    long[] millis = new long[PARALLEL];
                    for (int i = 0; i < PARALLEL; i++) {
                        millis[i] = uploads.get(i).get();
                    }
                    running.set(false);
                    sampler.get();
                    Arrays.sort(millis);
                    if (round == 0) {
                        continue;
                    }
                    double perUpload = (peak.get() - before) / PARALLEL / 1024 / 1024;
                    System.out.println();
                    System.out.printf("== Evidence upload, %d x 5 MB at once (round %d) ==%n", PARALLEL, round);
                    System.out.printf(
                            "  time per upload: min %d ms, median %d ms, max %d ms (target < 1,000 ms)%n",
                            millis[0], millis[PARALLEL / 2], millis[PARALLEL - 1]);
                    System.out.printf(
                            "  heap in use: %.0f MB before, %.0f MB peak: %.1f MB per upload in flight"
                                    + " (target <= 2 x 5 MB = 10 MB)%n",
                            before / 1024 / 1024, peak.get() / 1024.0 / 1024, perUpload);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static double heap(BenchApp app) throws Exception {
        HttpResponse<String> metrics = app.http.send(
                HttpRequest.newBuilder(app.app.managementUri("/q/metrics"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        double used = 0;
        Matcher m = HEAP.matcher(metrics.body());
        while (m.find()) {
            used += Double.parseDouble(m.group(1));
        }
        return used;
    }

    private static long upload(BenchApp app, String token, String concern, byte[] file) throws Exception {
        String boundary = "----smp" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"shot.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        app.uri("/api/v1/me/concerns/" + concern + "/evidence").toString()))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, file, tail)))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = app.http.send(request, HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (response.statusCode() != 201) {
            throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
        }
        return millis;
    }
}
