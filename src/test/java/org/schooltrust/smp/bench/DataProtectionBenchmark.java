package org.schooltrust.smp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Issue 14's figures: a disposal run over 100,000 expired rows with an HR sync running alongside (each sync's time
 * against the same sync without disposal), and the subject-access export of an adult with 1,000 audit events
 * beside the trivial endpoint in the same run.
 */
public final class DataProtectionBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXPIRED = 100_000;
    private static final String SAR = "?requestReference=BENCH-1&reason=benchmark";

    private DataProtectionBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (BenchApp app = BenchApp.start("bench-data-protection", Map.of("SMP_RETENTION_ENABLED", "false"))) {
            String admin = app.token(Set.of("trust-admin"), Map.of());
            String dpo = app.token(Set.of("dpo"), Map.of());
            String hr = app.token(Set.of("hr-sync"), Map.of());
            List<String> urns = new ArrayList<>();
            for (int i = 0; i < Benchmark.SCHOOLS; i++) {
                String urn = Integer.toString(300_000 + i);
                urns.add(urn);
                app.send(
                        "PUT",
                        "/api/v1/schools/" + urn,
                        admin,
                        "{\"name\":\"School " + urn + "\",\"status\":\"OPEN\"}");
            }
            app.send(
                    "POST",
                    "/api/v1/staff/sync?mode=full",
                    hr,
                    JSON.writeValueAsString(Map.of("records", Benchmark.adults(urns, -1))));
            // 100,000 reminders sent 400 days ago (seeding a benchmark: the packaged app's clock is real)
            app.sql(
                    "INSERT INTO reminder_messages (id, kind, stage, school_urn, recipient_adult_id, context, item_count,"
                            + " created_at, email_status) SELECT gen_random_uuid(), 'POLICY_ACKNOWLEDGEMENT', 'ON_DAY', s.school_urn,"
                            + " s.adult_id, '{}'::jsonb, 1, now() - interval '400 days', 'SENT' FROM generate_series(1, 10) g"
                            + " CROSS JOIN adult_assignments s",
                    "INSERT INTO reminders (id, message_id, kind, stage, ordinal, subject_key, school_urn,"
                            + " recipient_adult_id, created_at) SELECT gen_random_uuid(), m.id, m.kind, m.stage, 2,"
                            + " m.id::text, m.school_urn, m.recipient_adult_id, m.created_at FROM reminder_messages m",
                    "ANALYZE reminder_messages",
                    "ANALYZE reminders");

            // a partial sync of 1,000 changed adults: its time alone, then while disposal runs
            List<Map<String, Object>> batch = Benchmark.adults(urns, 1).subList(0, 1000);
            String body = JSON.writeValueAsString(Map.of("records", batch));
            long[] alone = new long[5];
            for (int i = 0; i < alone.length; i++) {
                String variant = JSON.writeValueAsString(
                        Map.of("records", Benchmark.adults(urns, 10 + i).subList(0, 1000)));
                alone[i] = Benchmark.time(() -> app.send("POST", "/api/v1/staff/sync?mode=partial", hr, variant));
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            AtomicBoolean disposing = new AtomicBoolean(true);
            List<Long> during = new java.util.concurrent.CopyOnWriteArrayList<>();
            Future<?> syncs = pool.submit(() -> {
                int v = 100;
                while (disposing.get()) {
                    try {
                        String variant = JSON.writeValueAsString(
                                Map.of("records", Benchmark.adults(urns, v++).subList(0, 1000)));
                        during.add(
                                Benchmark.time(() -> app.send("POST", "/api/v1/staff/sync?mode=partial", hr, variant)));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return null;
            });
            JsonNode[] run = new JsonNode[1];
            long disposal = Benchmark.time(() -> run[0] = JSON.readTree(
                    app.send("POST", "/api/v1/disposal-runs", admin, null).body()));
            disposing.set(false);
            syncs.get();
            pool.shutdown();
            long[] alongside =
                    during.stream().mapToLong(Long::longValue).sorted().toArray();

            // subject-access export of an adult with 1,000 audit events
            String hrId = "B000001";
            Map<String, Object> adult =
                    new LinkedHashMap<>(Benchmark.adults(urns, -1).get(1));
            for (int i = 0; i < 1000; i++) {
                adult.put("lastName", "Renamed" + i);
                app.send("PUT", "/api/v1/staff/" + hrId, hr, JSON.writeValueAsString(adult));
            }
            long[] export = new long[20];
            long[] trivial = new long[20];
            for (int i = -3; i < export.length; i++) {
                long e = Benchmark.time(
                        () -> app.send("GET", "/api/v1/staff/" + hrId + "/subject-access-export" + SAR, dpo, null));
                long t = Benchmark.time(() -> app.send("GET", "/api/v1/schools/300000", admin, null));
                if (i >= 0) {
                    export[i] = e;
                    trivial[i] = t;
                }
            }
            Arrays.sort(export);
            Arrays.sort(trivial);
            int events = JSON.readTree(
                            app.send("GET", "/api/v1/staff/" + hrId + "/subject-access-export" + SAR, dpo, null)
                                    .body())
                    .get("auditEvents")
                    .size();

            System.out.println();
            System.out.println(
                    "== Disposal of " + EXPIRED + " expired reminders (with their 100,000 reminder rows) ==");
            System.out.printf(
                    "  disposal run: %d ms, counts %s (target < 30,000 ms)%n", disposal, run[0].get("counts"));
            System.out.printf(
                    "  HR sync of 1,000 changed adults alone (baseline): median %d ms, max %d ms%n",
                    Benchmark.median(alone), Arrays.stream(alone).max().orElse(0));
            System.out.printf(
                    "  the same sync while disposal ran: %d syncs, median %d ms, max %d ms (blocked <= max - baseline;"
                            + " target < 1,000 ms)%n",
                    alongside.length,
                    alongside.length == 0 ? 0 : alongside[alongside.length / 2],
                    alongside.length == 0 ? 0 : alongside[alongside.length - 1]);
            System.out.println();
            System.out.println("== Subject-access export, an adult with " + events + " audit events ==");
            System.out.printf(
                    "  export: median %d ms, max %d ms (target < 500 ms); trivial GET /schools/{urn}: median %d ms%n",
                    export[export.length / 2], export[export.length - 1], trivial[trivial.length / 2]);
        }
    }
}
