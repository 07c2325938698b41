package org.schooltrust.smp.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Benchmark script (not a test): {@code bench/run.sh}. Starts the packaged app on an embedded PostgreSQL and prints
 * each figure beside a baseline measured in the same run, with the ratio. Results go to {@code bench/RESULTS.md} by
 * hand, with the machine they were measured on.
 */
public final class Benchmark {

    static final int SCHOOLS = 50;
    static final int ADULTS = 10_000;
    static final int REPEATS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        try (BenchApp app = BenchApp.start()) {
            String admin = app.token(Set.of("trust-admin"), Map.of());
            String hr = app.token(Set.of("hr-sync"), Map.of());
            List<String> urns = new ArrayList<>();
            for (int i = 0; i < SCHOOLS; i++) {
                String urn = Integer.toString(300_000 + i);
                urns.add(urn);
                app.send(
                        "PUT",
                        "/api/v1/schools/" + urn,
                        admin,
                        "{\"name\":\"School " + urn + "\",\"status\":\"OPEN\"}");
            }
            System.out.println();
            System.out.println("== Staff sync: " + ADULTS + " adults across " + SCHOOLS + " schools ==");
            staffSync(app, hr, urns, true);
            staffSync(app, hr, urns, false);
            compliance(app, hr, admin, urns);
            familyLinks(app, urns);
            register(app, urns);
        }
    }

    /** Issue 4: 40,000 pupils, 5,000 adults, 2,000 acknowledged declarations; the MIS check. */
    private static void familyLinks(BenchApp app, List<String> urns) throws Exception {
        app.sql("INSERT INTO family_declarations (id, adult_id, school_urn, pupil_mis_id, pupil_name, relationship,"
                + " status, acknowledged_at, reviewed_by, reviewed_at, discussed_on, agreed_protocols, reconfirm_by,"
                + " version, created_at, updated_at)"
                + " SELECT gen_random_uuid(), x.adult_id, x.school_urn, 'P' || x.school_urn || '-' || (x.rn * 7 % 800),"
                + " 'Pupil', 'PARENT', 'ACKNOWLEDGED', now(), 'bench', now(), current_date, 'bench', current_date + 365,"
                + " 0, now(), now() FROM (SELECT s.adult_id, s.school_urn, row_number() OVER (ORDER BY a.hr_id) AS rn"
                + " FROM adults a JOIN adult_assignments s ON s.adult_id = a.id WHERE a.active) x WHERE x.rn <= 2000");
        String urn = urns.get(0);
        String mis = app.token(Set.of("mis"), Map.of("schools", List.of(urn)));
        List<String> staff = new ArrayList<>();
        List<String[]> declared = new ArrayList<>();
        try (Connection c = app.jdbc();
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT a.hr_id, d.pupil_mis_id FROM adults a JOIN adult_assignments sa ON"
                        + " sa.adult_id = a.id LEFT JOIN family_declarations d ON d.adult_id = a.id WHERE a.active AND"
                        + " sa.school_urn = '" + urn + "'")) {
            while (rs.next()) {
                staff.add(rs.getString(1));
                if (rs.getString(2) != null) {
                    declared.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        java.util.Random random = new java.util.Random(42);
        List<Map<String, String>> pairs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String[] pair = i % 10 == 0 && !declared.isEmpty()
                    ? declared.get(random.nextInt(declared.size()))
                    : new String[] {staff.get(random.nextInt(staff.size())), "P" + urn + "-" + random.nextInt(800)};
            pairs.add(Map.of("staffHrId", pair[0], "pupilMisId", pair[1]));
        }
        String thousand = JSON.writeValueAsString(Map.of("pairs", pairs));
        String path = "/api/v1/schools/" + urn + "/family-links/check";
        for (int i = 0; i < 50; i++) {
            app.send("POST", path, mis, thousand);
        }
        long[] bulk = new long[200];
        for (int i = 0; i < bulk.length; i++) {
            long start = System.nanoTime();
            app.send("POST", path, mis, thousand);
            bulk[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(bulk);

        List<String> singles = new ArrayList<>();
        for (Map<String, String> pair : pairs) {
            singles.add(JSON.writeValueAsString(Map.of("pairs", List.of(pair))));
        }
        int threads = 8;
        Rate http = rate(threads, 5, i -> app.send("POST", path, mis, singles.get(i % singles.size())));
        String sql = "SELECT d.status, d.relationship FROM adults a JOIN family_declarations d ON d.adult_id = a.id"
                + " WHERE a.hr_id = ? AND d.school_urn = ? AND d.pupil_mis_id = ?"
                + " AND d.status IN ('SUBMITTED', 'INFO_REQUESTED', 'ACKNOWLEDGED')";
        ThreadLocal<PreparedStatement> statements = ThreadLocal.withInitial(() -> {
            try {
                return app.jdbc().prepareStatement(sql);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Rate raw = rate(threads, 5, i -> {
            Map<String, String> pair = pairs.get(i % pairs.size());
            PreparedStatement st = statements.get();
            st.setString(1, pair.get("staffHrId"));
            st.setString(2, urn);
            st.setString(3, pair.get("pupilMisId"));
            try (var rs = st.executeQuery()) {
                rs.next();
            }
        });
        System.out.println();
        System.out.println("== Family links: 40000 pupils, 5000 adults, 2000 acknowledged declarations ==");
        System.out.printf(
                "  1,000-pair check (target p95 < 30 ms): median %.2f ms, p95 %.2f ms, p99 %.2f ms (200 sequential)%n",
                bulk[100] / 1000.0, bulk[190] / 1000.0, bulk[198] / 1000.0);
        System.out.printf(
                "  single-pair check over HTTP, %d clients: %8.0f req/s, p99 %.2f ms%n",
                threads, http.perSecond, http.p99Millis);
        System.out.printf(
                "  raw PostgreSQL indexed point-select, %d connections: %8.0f req/s, p99 %.2f ms%n",
                threads, raw.perSecond, raw.p99Millis);
        System.out.printf("  ratio HTTP / raw = %.2f (target >= 0.5)%n", http.perSecond / raw.perSecond);
    }

    interface Call {
        void run(int i) throws Exception;
    }

    record Rate(double perSecond, double p99Millis) {}

    /** {@code threads} callers in a closed loop for {@code seconds}; throughput and p99 latency. */
    static Rate rate(int threads, int seconds, Call call) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<java.util.concurrent.Future<List<Long>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * 1000;
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                int i = offset;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    call.run(i++);
                    latencies.add(System.nanoTime() - start);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (var future : futures) {
            all.addAll(future.get());
        }
        pool.shutdown();
        all.sort(null);
        return new Rate(all.size() / (double) seconds, all.get((int) (all.size() * 0.99)) / 1_000_000.0);
    }

    static final int ACCOUNTS = 500;
    static final int ROUNDS = 5;

    /**
     * Issue 5: 500 ACTIVE social accounts across the schools. The full register pull (one page of 500) and the 304
     * path ({@code If-None-Match} with the current ETag), each rate beside a trivial endpoint's rate measured in the
     * same run, interleaved round by round. The accounts are written with SQL: the benchmark owns its database.
     */
    private static void register(BenchApp app, List<String> urns) throws Exception {
        app.sql(
                "INSERT INTO social_accounts (id, school_urn, platform, handle, canonical_url, purpose, reason, status,"
                        + " proposer_subject, proposed_at, approved_at, review_due, live_since, register_updated_at,"
                        + " version, created_at, updated_at)"
                        + " SELECT gen_random_uuid(), s.urn, 'X', 'bench' || g, 'https://x.com/bench' || g,"
                        + " 'PEDAGOGICAL', repeat('Class news and pupils'' work for parents. ', 3), 'ACTIVE', 'bench',"
                        + " now(), now(), current_date + 365, now(), clock_timestamp(), 1, now(), now()"
                        + " FROM generate_series(0, " + (ACCOUNTS - 1) + ") g"
                        + " JOIN (SELECT urn, row_number() OVER (ORDER BY urn) - 1 AS n FROM schools) s"
                        + " ON s.n = g % (SELECT count(*) FROM schools)",
                "INSERT INTO social_account_administrators (account_id, position, adult_id)"
                        + " SELECT a.id, p.pos, (SELECT s.adult_id FROM adult_assignments s"
                        + " WHERE s.school_urn = a.school_urn ORDER BY s.adult_id OFFSET p.pos LIMIT 1)"
                        + " FROM social_accounts a CROSS JOIN (VALUES (0), (1)) p (pos)",
                "ANALYZE social_accounts");
        String reader = app.token(Set.of("register-reader"), Map.of());
        String trivial = "/api/v1/schools/" + urns.get(0);
        String full = "/api/v1/register/social-accounts?limit=1000";
        HttpResponse<String> first = app.send("GET", full, reader, null);
        int items = JSON.readTree(first.body()).get("items").size();
        String etag = first.headers().firstValue("ETag").orElseThrow();
        if (items != ACCOUNTS || conditional(app, full, reader, etag) != 304) {
            throw new IllegalStateException("The register did not list " + ACCOUNTS + " accounts or answer 304");
        }
        Request trivialGet = () -> app.send("GET", trivial, reader, null);
        Request fullPull = () -> app.send("GET", full, reader, null);
        Request notModified = () -> {
            if (conditional(app, full, reader, etag) != 304) {
                throw new IllegalStateException("expected 304");
            }
        };
        for (int i = 0; i < 300; i++) {
            trivialGet.send();
            notModified.send();
            fullPull.send();
        }
        System.out.println();
        System.out.printf(
                "== Social-account register: %d ACTIVE accounts across %d schools (full pull %d KB) ==%n",
                ACCOUNTS, urns.size(), first.body().length() / 1024);
        System.out.printf(
                "requests per second, median of %d interleaved rounds after 300 warm-up each;"
                        + " baseline = GET %s (one row by key)%n",
                ROUNDS, trivial);
        for (int clients : new int[] {1, 4}) {
            double[] base = new double[ROUNDS];
            double[] cached = new double[ROUNDS];
            double[] pulled = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                base[r] = rate(trivialGet, clients, 400);
                cached[r] = rate(notModified, clients, 400);
                pulled[r] = rate(fullPull, clients, 100);
            }
            double baseline = median(base);
            System.out.printf("  %d client%s:%n", clients, clients == 1 ? "" : "s (concurrent)");
            rateRow("trivial endpoint (baseline)", baseline, baseline);
            rateRow("register 304, If-None-Match (target >= 80 %)", median(cached), baseline);
            rateRow("register full pull, 500 entries in 1 page", median(pulled), baseline);
        }
    }

    interface Request {
        void send() throws Exception;
    }

    /** Requests per second: {@code total} requests spread over {@code clients} threads. */
    private static double rate(Request request, int clients, int total) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            List<java.util.concurrent.Callable<Void>> work = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                work.add(() -> {
                    for (int i = 0; i < total / clients; i++) {
                        request.send();
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            for (java.util.concurrent.Future<Void> f : pool.invokeAll(work)) {
                f.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static int conditional(BenchApp app, String path, String token, String etag) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(app.uri(path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("If-None-Match", etag)
                .timeout(java.time.Duration.ofSeconds(30))
                .GET()
                .build();
        return app.http
                .send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void rateRow(String name, double perSecond, double baseline) {
        System.out.printf(
                "    %-48s %8.0f req/s   %5.0f %% of baseline%n", name, perSecond, 100 * perSecond / baseline);
    }

    /** Issue 3: 5,000 adults across 50 schools, 80 % acknowledged; the Trust summary and one school's list. */
    private static void compliance(BenchApp app, String hr, String admin, List<String> urns) throws Exception {
        List<Map<String, Object>> adults = adults(urns, -1).subList(0, 5_000);
        app.send("POST", "/api/v1/staff/sync?mode=full", hr, JSON.writeValueAsString(Map.of("records", adults)));
        app.sql("INSERT INTO acknowledgements (id, adult_id, version_id, school_urn, body_sha256, statements,"
                + " acknowledged_at) SELECT gen_random_uuid(), a.id, v.id, s.school_urn, v.body_sha256,"
                + " '[\"READ_AND_UNDERSTOOD\"]'::jsonb, now() FROM adults a JOIN adult_assignments s ON s.adult_id = a.id"
                + " JOIN policy_versions v ON v.status = 'PUBLISHED' JOIN policies p ON p.id = v.policy_id"
                + " AND p.slug = 'social-media' WHERE a.active AND right(a.hr_id, 1) NOT IN ('0', '5')"
                + " ON CONFLICT DO NOTHING");
        String urn = urns.get(0);
        // a Head's authority is confirmed against the register (ADR 0011): adult B000000 works at the first school
        String head =
                app.token(Set.of("head-of-school", "staff"), Map.of("schools", List.of(urn), "employee_id", "B000000"));
        String trivial = "/api/v1/schools/" + urn;
        String summary = "/api/v1/compliance?policy=social-media";
        String school = "/api/v1/schools/" + urn + "/compliance?policy=social-media";
        for (int i = 0; i < 100; i++) {
            app.send("GET", trivial, admin, null);
            app.send("GET", summary, admin, null);
            app.send("GET", school, head, null);
        }
        long[] trivialTimes = latencies(app, trivial, admin, 300);
        long[] summaryTimes = latencies(app, summary, admin, 300);
        long[] schoolTimes = latencies(app, school, head, 300);
        System.out.println();
        System.out.println(
                "== Compliance: 5000 active adults across " + urns.size() + " schools, 80 % acknowledged ==");
        System.out.printf(
                "300 sequential requests each after 100 warm-up; baseline = GET %s (one row by key)%n", trivial);
        latencyRow("trivial endpoint (baseline)", trivialTimes, trivialTimes);
        latencyRow("Trust summary (target < 100 ms)", summaryTimes, trivialTimes);
        latencyRow("one school's list (target < 30 ms)", schoolTimes, trivialTimes);
    }

    private static long[] latencies(BenchApp app, String path, String token, int n) throws Exception {
        long[] micros = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            app.send("GET", path, token, null);
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        return micros;
    }

    private static void latencyRow(String name, long[] sortedMicros, long[] baseline) {
        double median = sortedMicros[sortedMicros.length / 2] / 1000.0;
        double p95 = sortedMicros[(int) (sortedMicros.length * 0.95)] / 1000.0;
        double baseMedian = baseline[baseline.length / 2] / 1000.0;
        System.out.printf(
                "  %-40s median %7.2f ms   p95 %7.2f ms   %5.1fx baseline median%n",
                name, median, p95, median / baseMedian);
    }

    private static void staffSync(BenchApp app, String hr, List<String> urns, boolean warmUp) throws Exception {
        String full = JSON.writeValueAsString(Map.of("records", adults(urns, -1)));
        String changedA = JSON.writeValueAsString(Map.of("records", adults(urns, 0)));
        String changedB = JSON.writeValueAsString(Map.of("records", adults(urns, 1)));
        int repeats = warmUp ? 1 : REPEATS;

        long[] fullSync = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            app.sql("DELETE FROM adult_assignments", "DELETE FROM adults");
            fullSync[i] = time(() -> app.send("POST", "/api/v1/staff/sync?mode=full", hr, full));
        }
        long[] resend = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            resend[i] = time(() -> app.send("POST", "/api/v1/staff/sync?mode=full", hr, full));
        }
        long[] onePercent = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            String body = i % 2 == 0 ? changedA : changedB;
            onePercent[i] = time(() -> app.send("POST", "/api/v1/staff/sync?mode=full", hr, body));
        }
        long[] jdbc = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            jdbc[i] = jdbcBatchInsert(app, urns);
        }
        if (warmUp) {
            System.out.printf(
                    "warm-up (cold JVM): full sync %d ms, re-send %d ms, 1%% changed %d ms, JDBC insert %d ms%n",
                    fullSync[0], resend[0], onePercent[0], jdbc[0]);
            return;
        }
        long baseline = median(jdbc);
        System.out.printf(
                "median of %d runs, warm JVM; baseline = plain JDBC batch insert of the same rows: %d ms%n",
                repeats, baseline);
        row("full sync, all new (target < 2000 ms)", median(fullSync), baseline);
        row("re-send unchanged  (target <  500 ms)", median(resend), baseline);
        row("1 % changed", median(onePercent), baseline);
    }

    private static void row(String name, long millis, long baseline) {
        System.out.printf("  %-40s %6d ms   %5.1fx baseline%n", name, millis, (double) millis / Math.max(1, baseline));
    }

    /** {@code variant} >= 0 changes the last name of every 100th adult (1 %), differently per variant. */
    static List<Map<String, Object>> adults(List<String> urns, int variant) {
        List<Map<String, Object>> records = new ArrayList<>(ADULTS);
        for (int i = 0; i < ADULTS; i++) {
            Map<String, Object> adult = new LinkedHashMap<>();
            adult.put("hrId", String.format("B%06d", i));
            adult.put("firstName", "First" + i);
            adult.put("lastName", variant >= 0 && i % 100 == 0 ? "Changed" + variant : "Last" + i);
            adult.put("workEmail", "adult" + i + "@bench.example");
            adult.put("category", i % 7 == 0 ? "SUPPORT_STAFF" : "TEACHER");
            adult.put("active", true);
            adult.put(
                    "assignments",
                    List.of(Map.of(
                            "schoolUrn", urns.get(i % urns.size()), "jobTitle", "Teacher", "startDate", "2024-09-01")));
            records.add(adult);
        }
        return records;
    }

    /** The same rows as a full sync writes, inserted with plain JDBC batches in one transaction. */
    private static long jdbcBatchInsert(BenchApp app, List<String> urns) throws Exception {
        app.sql(
                "DROP TABLE IF EXISTS bench_assignments",
                "DROP TABLE IF EXISTS bench_adults",
                "CREATE TABLE bench_adults (LIKE adults INCLUDING ALL)",
                "CREATE TABLE bench_assignments (LIKE adult_assignments INCLUDING ALL)");
        String url = app.postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true";
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement adults = c.prepareStatement("INSERT INTO bench_adults (id, hr_id, first_name,"
                            + " last_name, work_email, category, active, source, version, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, true, 'HR', 1, now(), now())");
                    PreparedStatement assignments = c.prepareStatement(
                            "INSERT INTO bench_assignments (adult_id,"
                                    + " position, school_urn, job_title, start_date) VALUES (?, 0, ?, 'Teacher', DATE '2024-09-01')")) {
                for (int i = 0; i < ADULTS; i++) {
                    UUID id = UUID.randomUUID();
                    adults.setObject(1, id);
                    adults.setString(2, String.format("B%06d", i));
                    adults.setString(3, "First" + i);
                    adults.setString(4, "Last" + i);
                    adults.setString(5, "adult" + i + "@bench.example");
                    adults.setString(6, "TEACHER");
                    adults.addBatch();
                    assignments.setObject(1, id);
                    assignments.setString(2, urns.get(i % urns.size()));
                    assignments.addBatch();
                }
                adults.executeBatch();
                assignments.executeBatch();
            }
            c.commit();
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    interface Action {
        void run() throws Exception;
    }

    static long time(Action action) throws Exception {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
