package org.schooltrust.smp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.schooltrust.smp.acknowledgement.ComplianceHotStatements;
import org.schooltrust.smp.declaration.DeclarationHotStatements;
import org.schooltrust.smp.event.EventHotStatements;
import org.schooltrust.smp.reminder.ReminderHotStatements;
import org.schooltrust.smp.socialaccount.RegisterHotStatements;
import org.schooltrust.smp.staff.StaffHotStatements;
import org.schooltrust.smp.support.PackagedApp;
import org.schooltrust.smp.webhook.WebhookHotStatements;

/**
 * Benchmark script (not a test): {@code bash bench/run.sh performance [1|10]}. Seeds a Trust at 1× and 10× size, each
 * on its own fresh embedded PostgreSQL, loads every read path with {@code wrk} (an open-source HTTP load generator
 * outside the JVM), and prints each figure beside baselines measured in the same run against the same server:
 * {@code pgbench} on the same PostgreSQL, the unauthenticated liveness probe and the cheapest authenticated endpoint.
 * Then the HR sync batch times, the app's start-to-ready time on an existing database, and its peak resident memory
 * under load. Figures are printed only; targets are marked, never asserted.
 */
public final class PerformanceBenchmark {

    /** The Helm chart's container environment besides configuration (values.yaml: jvm.mallocArenaMax). */
    static final Map<String, String> APP_ENV = Map.of(
            "MALLOC_ARENA_MAX", "2",
            // wrk is one client polling as fast as it can: the feed's per-client limit is lifted to measure the read
            "SMP_EVENTS_FEED_RATE", "1000000",
            "SMP_EVENTS_FEED_BURST", "1000000");

    /**
     * The app's JVM options. They mirror the Helm chart's {@code jvm.options} (JAVA_OPTS_APPEND) under a 512 MiB
     * container limit: change both together.
     */
    static final List<String> JVM_FLAGS =
            List.of("-XX:MaxRAM=512m", "-XX:MaxRAMPercentage=50", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

    static final int SYNC_BATCH = 10_000;
    static final int RESEND_ROUNDS = 10;
    static final int PUPILS_PER_SCHOOL = 800;
    static final int FIRST_URN = 300_000;
    // wrk's default 2 s timeout drops slower responses from the latency figures (it printed 0.00us for a path whose
    // every response took longer): 30 s, so a slow path shows its real latency
    static final List<String> WRK_LOAD = List.of("-t2", "-c8", "-d10s", "--latency", "--timeout", "30s");
    static final List<String> WRK_WARM_UP = List.of("-t2", "-c8", "-d3s", "--timeout", "30s");
    static final List<String> PGBENCH_LOAD = List.of("-c", "8", "-j", "2", "-T", "10");
    static final Path OUT = Path.of("target/bench");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Trust at {@code scale}× the 1× size: 50 schools, 5,000 adults, 40,000 pupils, 2,000 declarations. */
    record Size(int scale) {
        int schools() {
            return 50 * scale;
        }

        int adults() {
            return 5_000 * scale;
        }

        int pupils() {
            return PUPILS_PER_SCHOOL * schools();
        }

        int declarations() {
            return 2_000 * scale;
        }

        int accounts() {
            return 500 * scale;
        }
    }

    /** One measured path: wrk's figures (latencies in ms), or pgbench's ({@code tps}, average latency in p50). */
    record Row(
            String name,
            double perSecond,
            double p50,
            double p95,
            double p99,
            long non2xx,
            long socketErrors,
            long maxRssKb) {
        boolean pgbench() {
            return name.startsWith("pgbench");
        }

        /** Latencies are wrk's over completed requests only: none if every request failed or timed out. */
        boolean valid() {
            return pgbench() || (non2xx == 0 && socketErrors == 0 && p50 > 0);
        }
    }

    record Result(
            Size size,
            Map<String, Row> rows,
            List<Long> firstSync,
            List<List<Long>> resends,
            List<Long> jdbc,
            Duration restart,
            Map<String, List<Long>> starts,
            long maxRssKb,
            long maxAnonKb) {}

    static final String UNAUTH = "unauthenticated GET /q/health/live";
    static final String FLOOR = "authenticated floor GET /schools/{urn}";
    static final String FLOOR_NO_CACHE = "floor, token cache off";
    static final String REF_OPEN = "reference app: point query, no token";
    static final String REF_TOKEN = "reference app: token only";
    static final String REF_TOKEN_POINT = "reference app: token + point query";
    static final String START_AOT = "the image (JDK 25, AOT cache)";
    static final String START_NO_AOT = "the image without its AOT cache";
    static final String START_JDK17 = "the same jar on JDK 17";
    /** Two consecutive rounds of a settled path agree within this share; rounds last WRK_ROUND each. */
    static final double SETTLED = 0.05;

    static final List<String> WRK_ROUND = List.of("-t2", "-c8", "-d5s", "--timeout", "30s");
    static final int MAX_SETTLE_ROUNDS = 16;
    static final String MIS_1 = "MIS check, 1 pair";
    static final String MIS_1000 = "MIS check, 1,000 pairs";
    static final String TRUST_SUMMARY = "Trust compliance summary";
    static final String SCHOOL_LIST = "one school's compliance list";
    static final String DECLARATION_SUMMARY = "family-declaration summary";
    static final String REGISTER = "register full pull, limit=1000";
    static final String FEED_START = "feed: register-reader, empty cursor";
    static final String FEED_HEAD = "feed: register-reader, at the head";
    static final String FEED_MIS = "feed: MIS, empty cursor";
    static final String PGBENCH_S = "pgbench -S (select-only)";
    static final String PGBENCH_MIS = "pgbench MIS point query";

    private PerformanceBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<Integer> scales = args.length == 0
                ? List.of(1, 10)
                : Arrays.stream(args).map(Integer::parseInt).toList();
        Files.createDirectories(OUT);
        String pgbench = pgbench();
        System.out.println();
        System.out.println("== Performance benchmark: Trust sizes " + scales + "x; app JVM flags " + JVM_FLAGS + " ==");
        System.out.println("   "
                + output(List.of("wrk", "--version"), false).lines().findFirst().orElse("wrk"));
        System.out.println("   " + run(List.of(pgbench, "--version"), true).strip() + "; "
                + Runtime.getRuntime().availableProcessors() + " cores shared by wrk, the app and PostgreSQL");
        List<Result> results = new ArrayList<>();
        for (int scale : scales) {
            results.add(runSize(new Size(scale), pgbench));
        }
        Result one = results.stream().filter(r -> r.size.scale == 1).findFirst().orElse(null);
        Result ten =
                results.stream().filter(r -> r.size.scale == 10).findFirst().orElse(null);
        if (one != null && ten != null) {
            printScaling(one, ten);
        }
    }

    private static Result runSize(Size size, String pgbench) throws Exception {
        String name = "bench-performance-" + size.scale + "x";
        System.out.println();
        System.out.printf(
                "==== %dx Trust: %,d schools, %,d adults, %,d pupils, %,d acknowledged declarations, %,d ACTIVE"
                        + " accounts ====%n",
                size.scale, size.schools(), size.adults(), size.pupils(), size.declarations(), size.accounts());
        long started = System.nanoTime();
        try (BenchApp app = BenchApp.start(name, APP_ENV, JVM_FLAGS)) {
            System.out.printf(
                    "  fresh PostgreSQL and first start (migrations): %,d ms%n",
                    (System.nanoTime() - started) / 1_000_000);
            String admin = app.token(Set.of("trust-admin"), Map.of());
            List<String> urns = new ArrayList<>();
            for (int i = 0; i < size.schools(); i++) {
                String urn = Integer.toString(FIRST_URN + i);
                urns.add(urn);
                app.send(
                        "PUT",
                        "/api/v1/schools/" + urn,
                        admin,
                        "{\"name\":\"School " + urn + "\",\"status\":\"OPEN\"}");
            }
            List<Long> firstSync = new ArrayList<>();
            List<List<Long>> resends = new ArrayList<>();
            List<Long> jdbc = new ArrayList<>();
            hrSync(app, size, urns, firstSync, resends, jdbc);
            seed(app, size);

            Map<String, Row> rows = new LinkedHashMap<>();
            try (RssSampler rss = new RssSampler(app.pid())) {
                loadPaths(app, size, urns, admin, rss, rows);
                pgbenchBaselines(app, size, pgbench, rows);
                planStability(app, size, urns);
                Map<String, List<Long>> starts = startToReady(app);
                Duration restart = app.restart();
                // the restarted app answers on the same database
                app.send("GET", "/api/v1/schools/" + urns.get(0), admin, null);
                Result result = new Result(
                        size, rows, firstSync, resends, jdbc, restart, starts, rss.overallMax(), rss.anonMax());
                printTable(result);
                return result;
            }
        }
    }

    // ---- HR sync ------------------------------------------------------------------------------------------------

    private static void hrSync(
            BenchApp app, Size size, List<String> urns, List<Long> firstSync, List<List<Long>> resends, List<Long> jdbc)
            throws Exception {
        String hr = app.token(Set.of("hr-sync"), Map.of());
        List<String> batches = new ArrayList<>();
        for (int from = 0; from < size.adults(); from += SYNC_BATCH) {
            int to = Math.min(size.adults(), from + SYNC_BATCH);
            batches.add(JSON.writeValueAsString(Map.of("records", adults(urns, from, to))));
        }
        String path = "/api/v1/staff/sync?mode=partial";
        boolean profile = System.getenv("BENCH_JFR") != null;
        if (profile) {
            run(List.of("jcmd", Long.toString(app.pid()), "JFR.start", "name=sync", "settings=profile"), false);
        }
        for (String batch : batches) {
            firstSync.add(Benchmark.time(() -> app.send("POST", path, hr, batch)));
        }
        if (profile) {
            Path file = OUT.resolve(size.scale + "x-hr-sync-first.jfr").toAbsolutePath();
            run(List.of("jcmd", Long.toString(app.pid()), "JFR.stop", "name=sync", "filename=" + file), false);
            run(List.of("jcmd", Long.toString(app.pid()), "JFR.start", "name=sync", "settings=profile"), false);
        }
        for (int round = 0; round < RESEND_ROUNDS; round++) {
            List<Long> times = new ArrayList<>();
            for (String batch : batches) {
                times.add(Benchmark.time(() -> app.send("POST", path, hr, batch)));
            }
            resends.add(times);
        }
        if (profile) {
            Path file = OUT.resolve(size.scale + "x-hr-sync-resend.jfr").toAbsolutePath();
            run(List.of("jcmd", Long.toString(app.pid()), "JFR.stop", "name=sync", "filename=" + file), false);
        }
        jdbcBatchInsert(app, urns, size, 0, Math.min(SYNC_BATCH, size.adults())); // warm-up of this JVM's JDBC
        jdbc.addAll(jdbcBatchInsert(app, urns, size, 0, size.adults()));

        System.out.println();
        System.out.printf(
                "== HR sync: %,d adults in %d batch%s of up to %,d (POST /api/v1/staff/sync?mode=partial) ==%n",
                size.adults(), batches.size(), batches.size() == 1 ? "" : "es", SYNC_BATCH);
        System.out.printf(
                "  first sync, all new   (target < 2000 ms each): %s  %s%n",
                millis(firstSync), mark(max(firstSync) < 2000));
        System.out.println("  re-send unchanged, same instance (target < 500 ms each):");
        for (int round = 0; round < resends.size(); round++) {
            List<Long> times = resends.get(round);
            System.out.printf("    round %2d: %s  %s%n", round + 1, millis(times), mark(max(times) < 500));
        }
        System.out.printf("  baseline, plain JDBC batch insert of the same rows:  %s%n", millis(jdbc));
    }

    /** Adults {@code from} (inclusive) to {@code to}; adult {@code i} works at school {@code i % schools}, and the
     * first adult of each school is its Head. */
    static List<Map<String, Object>> adults(List<String> urns, int from, int to) {
        List<Map<String, Object>> records = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            Map<String, Object> assignment = new LinkedHashMap<>();
            assignment.put("schoolUrn", urns.get(i % urns.size()));
            assignment.put("jobTitle", i < urns.size() ? "Head of School" : "Teacher");
            assignment.put("startDate", "2024-09-01");
            if (i < urns.size()) {
                assignment.put("responsibilities", List.of("HEAD_OF_SCHOOL"));
            }
            Map<String, Object> adult = new LinkedHashMap<>();
            adult.put("hrId", hrId(i));
            adult.put("firstName", "First" + i);
            adult.put("lastName", "Last" + i);
            adult.put("workEmail", "adult" + i + "@bench.example");
            adult.put("category", i % 7 == 0 ? "SUPPORT_STAFF" : "TEACHER");
            adult.put("active", true);
            adult.put("assignments", List.of(assignment));
            records.add(adult);
        }
        return records;
    }

    static String hrId(int i) {
        return String.format("B%06d", i);
    }

    /** The rows a sync writes, inserted into copies of the tables with plain JDBC batches; the time per batch. */
    private static List<Long> jdbcBatchInsert(BenchApp app, List<String> urns, Size size, int from, int to)
            throws Exception {
        app.sql(
                "DROP TABLE IF EXISTS bench_assignments",
                "DROP TABLE IF EXISTS bench_adults",
                "CREATE TABLE bench_adults (LIKE adults INCLUDING ALL)",
                "CREATE TABLE bench_assignments (LIKE adult_assignments INCLUDING ALL)");
        String url = app.postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true";
        List<Long> times = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            for (int batch = from; batch < to; batch += SYNC_BATCH) {
                long start = System.nanoTime();
                try (PreparedStatement adults = c.prepareStatement("INSERT INTO bench_adults (id, hr_id, first_name,"
                                + " last_name, work_email, category, active, source, version, created_at, updated_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, true, 'HR', 1, now(), now())");
                        PreparedStatement assignments = c.prepareStatement("INSERT INTO bench_assignments (adult_id,"
                                + " position, school_urn, job_title, start_date, responsibilities)"
                                + " VALUES (?, 0, ?, ?, DATE '2024-09-01', ?::text[])")) {
                    for (int i = batch; i < Math.min(to, batch + SYNC_BATCH); i++) {
                        UUID id = UUID.randomUUID();
                        adults.setObject(1, id);
                        adults.setString(2, hrId(i));
                        adults.setString(3, "First" + i);
                        adults.setString(4, "Last" + i);
                        adults.setString(5, "adult" + i + "@bench.example");
                        adults.setString(6, i % 7 == 0 ? "SUPPORT_STAFF" : "TEACHER");
                        adults.addBatch();
                        assignments.setObject(1, id);
                        assignments.setString(2, urns.get(i % urns.size()));
                        assignments.setString(3, i < urns.size() ? "Head of School" : "Teacher");
                        assignments.setString(4, i < urns.size() ? "{HEAD_OF_SCHOOL}" : "{}");
                        assignments.addBatch();
                    }
                    adults.executeBatch();
                    assignments.executeBatch();
                }
                c.commit();
                times.add((System.nanoTime() - start) / 1_000_000);
            }
        }
        app.sql("DROP TABLE bench_assignments", "DROP TABLE bench_adults");
        return times;
    }

    // ---- Seed ---------------------------------------------------------------------------------------------------

    /**
     * 80 % of adults acknowledged; the first {@code declarations} adults (by HR id) each declared one pupil at their
     * school, {@code P<urn>-<((i + 1) * 7) % 800>} for adult {@code i}; {@code accounts} ACTIVE accounts, two
     * administrators each. The shapes are {@link Benchmark}'s; the benchmark owns its database.
     */
    private static void seed(BenchApp app, Size size) throws Exception {
        long start = System.nanoTime();
        app.sql(
                "INSERT INTO acknowledgements (id, adult_id, version_id, school_urn, body_sha256, statements,"
                        + " acknowledged_at) SELECT gen_random_uuid(), a.id, v.id, s.school_urn, v.body_sha256,"
                        + " '[\"READ_AND_UNDERSTOOD\"]'::jsonb, now() FROM adults a JOIN adult_assignments s ON"
                        + " s.adult_id = a.id JOIN policy_versions v ON v.status = 'PUBLISHED' JOIN policies p ON"
                        + " p.id = v.policy_id AND p.slug = 'social-media' WHERE a.active AND right(a.hr_id, 1) NOT IN"
                        + " ('0', '5') ON CONFLICT DO NOTHING",
                "INSERT INTO family_declarations (id, adult_id, school_urn, pupil_mis_id, pupil_name, relationship,"
                        + " status, acknowledged_at, reviewed_by, reviewed_at, discussed_on, agreed_protocols,"
                        + " reconfirm_by, version, created_at, updated_at)"
                        + " SELECT gen_random_uuid(), x.adult_id, x.school_urn,"
                        + " 'P' || x.school_urn || '-' || (x.rn * 7 % " + PUPILS_PER_SCHOOL + "),"
                        + " 'Pupil', 'PARENT', 'ACKNOWLEDGED', now(), 'bench', now(), current_date, 'bench',"
                        + " current_date + 365, 0, now(), now() FROM (SELECT s.adult_id, s.school_urn,"
                        + " row_number() OVER (ORDER BY a.hr_id) AS rn FROM adults a JOIN adult_assignments s"
                        + " ON s.adult_id = a.id WHERE a.active) x WHERE x.rn <= " + size.declarations(),
                "INSERT INTO social_accounts (id, school_urn, platform, handle, canonical_url, purpose, reason, status,"
                        + " proposer_subject, proposed_at, approved_at, review_due, live_since, register_updated_at,"
                        + " version, created_at, updated_at)"
                        + " SELECT gen_random_uuid(), s.urn, 'X', 'bench' || g, 'https://x.com/bench' || g,"
                        + " 'PEDAGOGICAL', repeat('Class news and pupils'' work for parents. ', 3), 'ACTIVE', 'bench',"
                        + " now(), now(), current_date + 365, now(), clock_timestamp(), 1, now(), now()"
                        + " FROM generate_series(0, " + (size.accounts() - 1) + ") g"
                        + " JOIN (SELECT urn, row_number() OVER (ORDER BY urn) - 1 AS n FROM schools) s"
                        + " ON s.n = g % (SELECT count(*) FROM schools)",
                "INSERT INTO social_account_administrators (account_id, position, adult_id)"
                        + " SELECT a.id, p.pos, (SELECT s.adult_id FROM adult_assignments s"
                        + " WHERE s.school_urn = a.school_urn ORDER BY s.adult_id OFFSET p.pos LIMIT 1)"
                        + " FROM social_accounts a CROSS JOIN (VALUES (0), (1)) p (pos)",
                "ANALYZE");
        System.out.printf(
                "  seeded by SQL in %,d ms: %,d acknowledgements, %,d declarations, %,d accounts (then ANALYZE)%n",
                (System.nanoTime() - start) / 1_000_000,
                count(app, "acknowledgements"),
                count(app, "family_declarations"),
                count(app, "social_accounts"));
    }

    /** Issue 15, item 7: every hot and bulk read statement, prepared once and run 12 times on one connection. */
    private static void planStability(BenchApp app, Size size, List<String> urns) throws Exception {
        String urn = urns.get(1);
        List<String> hrIds = new ArrayList<>();
        List<String> pupils = new ArrayList<>();
        List<java.util.UUID> adultIds = new ArrayList<>();
        try (Connection c = app.jdbc();
                var s = c.createStatement()) {
            try (var rs = s.executeQuery("SELECT a.hr_id, coalesce(d.pupil_mis_id, 'P" + urn + "-1') FROM adults a"
                    + " JOIN adult_assignments sa ON sa.adult_id = a.id AND sa.school_urn = '" + urn + "'"
                    + " LEFT JOIN family_declarations d ON d.adult_id = a.id ORDER BY a.hr_id")) {
                while (rs.next() && hrIds.size() < 1000) {
                    hrIds.add(rs.getString(1));
                    pupils.add(rs.getString(2));
                }
            }
            try (var rs = s.executeQuery("SELECT id FROM adults ORDER BY hr_id LIMIT " + SYNC_BATCH)) {
                while (rs.next()) {
                    adultIds.add((java.util.UUID) rs.getObject(1));
                }
            }
        }
        String[] batch = java.util.stream.IntStream.range(0, Math.min(SYNC_BATCH, size.adults()))
                .mapToObj(PerformanceBenchmark::hrId)
                .toArray(String[]::new);
        List<PlanStability.HotStatement> statements = new ArrayList<>();
        statements.addAll(
                DeclarationHotStatements.of(urn, hrIds.toArray(String[]::new), pupils.toArray(String[]::new)));
        statements.addAll(
                ComplianceHotStatements.of("social-media", urn, java.time.LocalDate.now(java.time.ZoneOffset.UTC)));
        statements.addAll(RegisterHotStatements.of());
        statements.addAll(EventHotStatements.of(java.util.Set.of(urn)));
        statements.addAll(WebhookHotStatements.of());
        statements.addAll(ReminderHotStatements.of());
        statements.addAll(StaffHotStatements.of(batch, adultIds.toArray(java.util.UUID[]::new)));
        System.out.println();
        System.out.printf(
                "== Plan stability (%dx): each statement prepared once, %d EXPLAIN ANALYZE runs on one connection"
                        + " (PostgreSQL may switch to a generic plan after 5) ==%n",
                size.scale, PlanStability.RUNS);
        int flagged;
        try (Connection c = app.jdbc()) {
            flagged = PlanStability.check(c, statements);
        }
        System.out.printf(
                "  %d of %d statements changed plan and got slower  %s%n",
                flagged, statements.size(), mark(flagged == 0));
    }

    private static long count(BenchApp app, String table) throws Exception {
        try (Connection c = app.jdbc();
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- HTTP paths under wrk -----------------------------------------------------------------------------------

    private static void loadPaths(
            BenchApp app, Size size, List<String> urns, String admin, RssSampler rss, Map<String, Row> rows)
            throws Exception {
        String urn = urns.get(0);
        String tag = size.scale + "x-";
        String mis = app.token(Set.of("mis"), Map.of("schools", List.of(urn)));
        String head = app.token(
                Set.of("head-of-school", "staff"), Map.of("schools", List.of(urn), "employee_id", headOf(app, urn)));
        String reader = app.token(Set.of("register-reader"), Map.of());

        // 1,000 pairs at the first school, ~10 % of them declared (as Benchmark.familyLinks)
        List<String> staff = new ArrayList<>();
        List<String[]> declared = new ArrayList<>();
        try (Connection c = app.jdbc();
                var s = c.prepareStatement("SELECT a.hr_id, d.pupil_mis_id FROM adults a JOIN adult_assignments sa"
                        + " ON sa.adult_id = a.id LEFT JOIN family_declarations d ON d.adult_id = a.id"
                        + " WHERE a.active AND sa.school_urn = ?")) {
            s.setString(1, urn);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    staff.add(rs.getString(1));
                    if (rs.getString(2) != null) {
                        declared.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
        }
        Random random = new Random(42);
        List<Map<String, String>> pairs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String[] pair = i % 10 == 0 && !declared.isEmpty()
                    ? declared.get(random.nextInt(declared.size()))
                    : new String[] {
                        staff.get(random.nextInt(staff.size())), "P" + urn + "-" + random.nextInt(PUPILS_PER_SCHOOL)
                    };
            pairs.add(Map.of("staffHrId", pair[0], "pupilMisId", pair[1]));
        }
        List<String> singles = new ArrayList<>();
        for (Map<String, String> pair : pairs) {
            singles.add(JSON.writeValueAsString(Map.of("pairs", List.of(pair))));
        }
        String thousand = JSON.writeValueAsString(Map.of("pairs", pairs));
        String check = "/api/v1/schools/" + urn + "/family-links/check";

        URI health = app.managementUri("/q/health/live");
        HttpResponse<Void> live =
                app.http.send(HttpRequest.newBuilder(health).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (live.statusCode() != 200) {
            throw new IllegalStateException("GET " + health + " answered " + live.statusCode());
        }
        List<Load> loads = List.of(
                new Load(UNAUTH, health, null, "GET", List.of()),
                new Load(FLOOR, app.uri("/api/v1/schools/" + urn), admin, "GET", List.of()),
                new Load(MIS_1, app.uri(check), mis, "POST", singles),
                new Load(MIS_1000, app.uri(check), mis, "POST", List.of(thousand)),
                new Load(TRUST_SUMMARY, app.uri("/api/v1/compliance?policy=social-media"), admin, "GET", List.of()),
                new Load(
                        SCHOOL_LIST,
                        app.uri("/api/v1/schools/" + urn + "/compliance?policy=social-media"),
                        head,
                        "GET",
                        List.of()),
                new Load(DECLARATION_SUMMARY, app.uri("/api/v1/family-declarations/summary"), admin, "GET", List.of()),
                new Load(REGISTER, app.uri("/api/v1/register/social-accounts?limit=1000"), reader, "GET", List.of()),
                new Load(FEED_START, app.uri("/api/v1/events?limit=100"), reader, "GET", List.of()),
                new Load(
                        FEED_HEAD,
                        app.uri("/api/v1/events?limit=100&after=" + head(app, reader)),
                        reader,
                        "GET",
                        List.of()),
                new Load(FEED_MIS, app.uri("/api/v1/events?limit=100"), mis, "GET", List.of()));
        // the stack's floor beside the app's (issue 26): the reference app on the same database and token key, and
        // a second process of the app with the verified-token cache off
        ReferenceApp reference = ReferenceApp.start(app, urn, "bench-reference-" + size.scale + "x");
        PackagedApp noCache = app.app.replica(
                "bench-nocache-" + size.scale + "x",
                BenchApp.launcher(),
                JVM_FLAGS,
                Map.of("SMP_TOKEN_CACHE_ENABLED", "false"),
                Path.of("target/bench-nocache-" + size.scale + "x.log"));
        List<Load> all = new ArrayList<>();
        all.add(loads.get(0));
        all.add(new Load(REF_OPEN, reference.uri("/open/schools/" + urn), null, "GET", List.of()));
        all.add(new Load(REF_TOKEN, reference.uri("/token"), admin, "GET", List.of()));
        all.add(new Load(REF_TOKEN_POINT, reference.uri("/token/schools/" + urn), admin, "GET", List.of()));
        all.add(loads.get(1));
        all.add(new Load(FLOOR_NO_CACHE, noCache.uri("/api/v1/schools/" + urn), admin, "GET", List.of()));
        all.addAll(loads.subList(2, loads.size()));
        loads = all;
        System.out.println();
        System.out.printf(
                "== wrk %s (each after a %s warm-up, discarded, and one warm-up pass over all paths); Lua scripts"
                        + " in %s ==%n",
                String.join(" ", WRK_LOAD), WRK_WARM_UP.get(2).substring(2), OUT);
        for (Load load : loads) {
            if (load.token != null && load.uri.getPort() == app.uri("/").getPort()) {
                // each path answers 2xx once before it is loaded (BenchApp.send fails loudly otherwise)
                for (String body : load.bodies.isEmpty()
                        ? List.of("")
                        : load.bodies.subList(0, Math.min(20, load.bodies.size()))) {
                    HttpResponse<String> response = app.send(
                            load.method,
                            load.uri.getRawPath() + query(load.uri),
                            load.token,
                            body.isEmpty() ? null : body);
                    if (load.name.equals(REGISTER) && body.isEmpty()) {
                        System.out.printf(
                                "  (register page: %,d entries, %,d KB)%n",
                                JSON.readTree(response.body()).get("items").size(),
                                response.body().length() / 1024);
                    }
                }
            }
            // the whole JVM warms up on every path first, so the first paths (the baselines) are not measured cold
            run(wrk(WRK_WARM_UP, load.writeScript(script(tag, load)), load.uri), false);
        }
        for (Load load : loads) {
            Path script = script(tag, load);
            settle(load.name, script, load.uri);
            rss.window();
            // BENCH_JFR=1: a JFR profile of the app during each measured run, target/bench/<size>-<path>.jfr
            boolean profile = System.getenv("BENCH_JFR") != null;
            if (profile) {
                run(List.of("jcmd", Long.toString(app.pid()), "JFR.start", "name=bench", "settings=profile"), false);
            }
            String output = run(wrk(WRK_LOAD, script, load.uri), false);
            if (profile) {
                run(
                        List.of(
                                "jcmd",
                                Long.toString(app.pid()),
                                "JFR.stop",
                                "name=bench",
                                "filename="
                                        + OUT.resolve(tag + slug(load.name) + ".jfr")
                                                .toAbsolutePath()),
                        false);
            }
            Files.writeString(OUT.resolve(tag + slug(load.name) + ".txt"), output);
            Row row = parseWrk(load.name, output, rss.window());
            rows.put(load.name, row);
            System.out.printf(
                    "  %-40s %9.0f req/s   p50 %8.2f ms   p95 %8.2f ms   p99 %8.2f ms%s%n",
                    row.name, row.perSecond, row.p50, row.p95, row.p99, errors(row));
        }
        reference.close();
        noCache.close();
    }

    /**
     * Loads a path in rounds of {@link #WRK_ROUND} until two consecutive rounds agree within {@link #SETTLED} (a JIT
     * that has settled), and says how long that took; gives up after {@link #MAX_SETTLE_ROUNDS} and says so.
     */
    private static void settle(String name, Path script, URI uri) throws Exception {
        long start = System.nanoTime();
        List<Double> rounds = new ArrayList<>();
        boolean settled = false;
        while (!settled && rounds.size() < MAX_SETTLE_ROUNDS) {
            Matcher requests = REQUESTS.matcher(run(wrk(WRK_ROUND, script, uri), false));
            rounds.add(requests.find() ? Double.parseDouble(requests.group(1)) : 0);
            int n = rounds.size();
            settled = n >= 2 && Math.abs(rounds.get(n - 1) - rounds.get(n - 2)) <= SETTLED * rounds.get(n - 2);
        }
        System.out.printf(
                "  %-40s %s after %d s of load (%s req/s)%n",
                "(" + name + ")",
                settled ? "settled" : "NOT settled",
                (System.nanoTime() - start) / 1_000_000_000,
                String.join(
                        " / ",
                        rounds.stream().map(r -> String.format("%,.0f", r)).toList()));
    }

    /**
     * Start-to-ready on the migrated database, twice each, alternating: the image with its AOT cache, the same image
     * without it, and the image's jar on this JVM (JDK 17). Each is a second process beside the idle app.
     */
    private static Map<String, List<Long>> startToReady(BenchApp app) throws Exception {
        Map<String, List<Long>> starts = new LinkedHashMap<>();
        PackagedApp.Launcher shipped = BenchApp.launcher();
        boolean image = shipped.description().startsWith("the image");
        for (int round = 0; round < 2; round++) {
            time(app, starts, START_AOT, shipped, Map.of());
            if (image) {
                time(app, starts, START_NO_AOT, shipped, Map.of("SMP_AOT_CACHE", "off"));
            }
            time(app, starts, START_JDK17, PackagedApp.Launcher.jar(PackagedApp.DEFAULT_JAR), Map.of());
        }
        System.out.println("  start-to-ready on the migrated database (ms): " + starts
                + (image ? "" : "  (no image built: every figure is the jar)"));
        return starts;
    }

    private static void time(
            BenchApp app,
            Map<String, List<Long>> starts,
            String name,
            PackagedApp.Launcher launcher,
            Map<String, String> env)
            throws Exception {
        long start = System.nanoTime();
        try (PackagedApp started =
                app.app.replica("bench-start", launcher, JVM_FLAGS, env, Path.of("target/bench-start.log"))) {
            starts.computeIfAbsent(name, k -> new ArrayList<>()).add((System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * The register's events, as the API writes them when accounts go live (the benchmark seeds accounts by SQL), and
     * one MIS-readable family link per acknowledged declaration at the first school — after every staff event, so a
     * narrow reader's first page lies at the far end of the feed. Returns the register-reader's head cursor.
     */
    private static String head(BenchApp app, String reader) throws Exception {
        try (Connection c = app.jdbc();
                var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO events (id, type, occurred_at, school_urn, data, payload)"
                    + " SELECT gen_random_uuid(), 'register.changed', now(), school_urn,"
                    + " jsonb_build_object('accountId', id, 'onRegister', true), '{}'"
                    + " FROM social_accounts WHERE status = 'ACTIVE'");
            s.executeUpdate("INSERT INTO events (id, type, occurred_at, school_urn, data, payload)"
                    + " SELECT gen_random_uuid(), 'family_link.acknowledged', now(), school_urn,"
                    + " jsonb_build_object('declarationId', id), '{}' FROM family_declarations");
            s.execute("ANALYZE events");
            try (var rs = s.executeQuery("SELECT type, count(*) FROM events GROUP BY type ORDER BY 2 DESC")) {
                StringBuilder counts = new StringBuilder();
                while (rs.next()) {
                    counts.append(counts.isEmpty() ? "" : ", ")
                            .append(String.format("%,d %s", rs.getLong(2), rs.getString(1)));
                }
                System.out.println("  (events: " + counts + ")");
            }
        }
        String cursor = null;
        while (true) {
            HttpResponse<String> page = app.send(
                    "GET", "/api/v1/events?limit=1000" + (cursor == null ? "" : "&after=" + cursor), reader, null);
            JsonNode body = JSON.readTree(page.body());
            cursor = body.path("nextCursor").asText(cursor);
            if (!body.path("more").asBoolean()) {
                return cursor;
            }
        }
    }

    private static Path script(String tag, Load load) {
        return OUT.resolve(tag + slug(load.name) + ".lua");
    }

    private static String query(URI uri) {
        return uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    }

    private static String headOf(BenchApp app, String urn) throws Exception {
        try (Connection c = app.jdbc();
                var s = c.prepareStatement("SELECT a.hr_id FROM adults a JOIN adult_assignments sa ON sa.adult_id ="
                        + " a.id WHERE sa.school_urn = ? AND 'HEAD_OF_SCHOOL' = ANY(sa.responsibilities)")) {
            s.setString(1, urn);
            try (var rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("School " + urn + " has no Head in the register");
                }
                return rs.getString(1);
            }
        }
    }

    /** A path wrk loads: one request, or a rotation over {@code bodies} (one per request, in a Lua table). */
    record Load(String name, URI uri, String token, String method, List<String> bodies) {

        Path writeScript(Path file) throws IOException {
            StringBuilder lua = new StringBuilder("-- generated by PerformanceBenchmark: " + name + "\n");
            lua.append("local path = ")
                    .append(luaString(uri.getRawPath() + query(uri)))
                    .append('\n');
            lua.append("local headers = { [\"Accept\"] = \"application/json\"");
            if (token != null) {
                lua.append(", [\"Authorization\"] = ").append(luaString("Bearer " + token));
            }
            if (!bodies.isEmpty()) {
                lua.append(", [\"Content-Type\"] = \"application/json\"");
            }
            lua.append(" }\n");
            if (bodies.size() <= 1) {
                lua.append("wrk.method = \"").append(method).append("\"\n");
                lua.append("wrk.headers = headers\n");
                if (bodies.size() == 1) {
                    lua.append("wrk.body = ").append(luaString(bodies.get(0))).append('\n');
                }
            } else {
                lua.append("local bodies = {\n");
                for (String body : bodies) {
                    lua.append("  ").append(luaString(body)).append(",\n");
                }
                lua.append("}\n");
                lua.append("local i = 0\n");
                lua.append("request = function()\n");
                lua.append("  i = i % #bodies + 1\n");
                lua.append("  return wrk.format(\"").append(method).append("\", path, headers, bodies[i])\n");
                lua.append("end\n");
            }
            lua.append("done = function(summary, latency, requests)\n");
            lua.append("  io.write(string.format(\"p95 %.3f ms\\n\", latency:percentile(95) / 1000))\n");
            lua.append("end\n");
            Files.writeString(file, lua.toString());
            return file;
        }
    }

    /** A Lua long-bracket string literal (no escapes inside); JSON and tokens never contain its closing bracket. */
    static String luaString(String value) {
        if (value.contains("]==]")) {
            throw new IllegalArgumentException("cannot quote " + value);
        }
        return "[==[" + value + "]==]";
    }

    private static List<String> wrk(List<String> options, Path script, URI uri) {
        List<String> command = new ArrayList<>(List.of("wrk"));
        command.addAll(options);
        command.addAll(List.of("-s", script.toString(), uri.toString()));
        return command;
    }

    private static final Pattern REQUESTS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern PERCENTILE =
            Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE);
    /** Printed by each script's {@code done} (wrk's --latency table has no 95th percentile). */
    private static final Pattern P95 = Pattern.compile("^p95 ([\\d.]+) ms$", Pattern.MULTILINE);

    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    static Row parseWrk(String name, String output, long maxRssKb) {
        Matcher requests = REQUESTS.matcher(output);
        if (!requests.find()) {
            throw new IllegalStateException("wrk printed no Requests/sec for " + name + ":\n" + output);
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            double value = Double.parseDouble(percentile.group(2))
                    * switch (percentile.group(3)) {
                        case "us" -> 0.001;
                        case "ms" -> 1;
                        case "s" -> 1_000;
                        default -> 60_000;
                    };
            if (percentile.group(1).equals("50")) {
                p50 = value;
            } else {
                p99 = value;
            }
        }
        Matcher p95 = P95.matcher(output);
        Matcher non2xx = NON_2XX.matcher(output);
        Matcher socket = SOCKET.matcher(output);
        long socketErrors = 0;
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                socketErrors += Long.parseLong(socket.group(g));
            }
        }
        return new Row(
                name,
                Double.parseDouble(requests.group(1)),
                p50,
                p95.find() ? Double.parseDouble(p95.group(1)) : Double.NaN,
                p99,
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0,
                socketErrors,
                maxRssKb);
    }

    private static String errors(Row row) {
        String flags = "";
        if (row.non2xx > 0) {
            flags += "   !! " + row.non2xx + " non-2xx responses";
        }
        if (row.socketErrors > 0) {
            flags += "   !! " + row.socketErrors + " socket errors";
        }
        return flags;
    }

    static String slug(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    // ---- pgbench ------------------------------------------------------------------------------------------------

    /** pgbench -S and the MIS lookup as one SQL point query, against the app's own PostgreSQL. */
    private static void pgbenchBaselines(BenchApp app, Size size, String pgbench, Map<String, Row> rows)
            throws Exception {
        List<String> connection =
                List.of(pgbench, "-h", "localhost", "-p", Integer.toString(app.postgres.getPort()), "-U", "postgres");
        long start = System.nanoTime();
        run(concat(connection, List.of("-i", "-q", "-s", "10", "postgres")), true);
        System.out.printf(
                "  (pgbench -i -s 10 into the app's PostgreSQL: %,d ms)%n", (System.nanoTime() - start) / 1_000_000);

        List<String> selectOnly = concat(connection, List.of("-S", "-M", "prepared"));
        run(concat(selectOnly, List.of("-c", "8", "-j", "2", "-T", "3", "postgres")), true);
        rows.put(
                PGBENCH_S,
                parsePgbench(PGBENCH_S, run(concat(selectOnly, concat(PGBENCH_LOAD, List.of("postgres"))), true)));
        printPgbench(rows.get(PGBENCH_S));

        // adult i works at school i % schools; the first 40 per school (i < declarations) declared pupil ((i+1)*7) %
        // 800
        int schools = size.schools();
        String script = String.join(
                "\n",
                "\\set k random(0, " + (schools - 1) + ")",
                "\\set hit random(0, 9)",
                "\\set jd random(0, " + (size.declarations() / schools - 1) + ")",
                "\\set ja random(0, " + (size.adults() / schools - 1) + ")",
                "\\set i :k + " + schools + " * (CASE WHEN :hit = 0 THEN :jd ELSE :ja END)",
                "\\set p CASE WHEN :hit = 0 THEN ((:i + 1) * 7) % " + PUPILS_PER_SCHOOL + " ELSE random(0, "
                        + (PUPILS_PER_SCHOOL - 1) + ") END",
                "SELECT d.status, d.relationship FROM adults a JOIN family_declarations d ON d.adult_id = a.id"
                        + " WHERE a.hr_id = 'B' || lpad(:i::text, 6, '0')"
                        + " AND d.school_urn = (" + FIRST_URN + " + :k)::text"
                        + " AND d.pupil_mis_id = 'P' || (" + FIRST_URN + " + :k)::text || '-' || :p::text"
                        + " AND d.status IN ('SUBMITTED', 'INFO_REQUESTED', 'ACKNOWLEDGED');",
                "");
        Path file = OUT.resolve(size.scale + "x-mis-point-query.sql");
        Files.writeString(file, script);
        // the script's ids match the seed: adult schools + 1 (second school, j = 1) declared its pupil there
        int i = schools + 1;
        String sample = "SELECT count(*) FROM adults a JOIN family_declarations d ON d.adult_id = a.id"
                + " WHERE a.hr_id = '" + hrId(i) + "' AND d.school_urn = '" + (FIRST_URN + 1) + "'"
                + " AND d.pupil_mis_id = 'P" + (FIRST_URN + 1) + "-" + ((i + 1) * 7) % PUPILS_PER_SCHOOL + "'";
        try (Connection c = app.jdbc();
                var s = c.createStatement();
                var rs = s.executeQuery(sample)) {
            rs.next();
            if (rs.getLong(1) != 1) {
                throw new IllegalStateException("The pgbench MIS script's ids do not match the seed: " + sample);
            }
        }
        List<String> custom = concat(connection, List.of("-n", "-M", "prepared", "-f", file.toString()));
        run(concat(custom, List.of("-c", "8", "-j", "2", "-T", "3", "postgres")), true);
        rows.put(
                PGBENCH_MIS,
                parsePgbench(PGBENCH_MIS, run(concat(custom, concat(PGBENCH_LOAD, List.of("postgres"))), true)));
        printPgbench(rows.get(PGBENCH_MIS));
    }

    private static void printPgbench(Row row) {
        System.out.printf("  %-40s %9.0f tps     avg %8.2f ms%n", row.name, row.perSecond, row.p50);
    }

    private static final Pattern TPS = Pattern.compile("tps = ([\\d.]+) \\(without initial connection time\\)");
    private static final Pattern AVERAGE = Pattern.compile("latency average = ([\\d.]+) ms");

    static Row parsePgbench(String name, String output) {
        Matcher tps = TPS.matcher(output);
        Matcher average = AVERAGE.matcher(output);
        if (!tps.find() || !average.find()) {
            throw new IllegalStateException("pgbench printed no tps for " + name + ":\n" + output);
        }
        return new Row(
                name,
                Double.parseDouble(tps.group(1)),
                Double.parseDouble(average.group(1)),
                Double.NaN,
                Double.NaN,
                0,
                0,
                0);
    }

    private static String pgbench() {
        Path debian = Path.of("/usr/lib/postgresql/15/bin/pgbench");
        return Files.isExecutable(debian) ? debian.toString() : "pgbench";
    }

    // ---- Report -------------------------------------------------------------------------------------------------

    private static void printTable(Result result) {
        Map<String, Row> rows = result.rows;
        Row unauth = rows.get(UNAUTH);
        Row floor = rows.get(FLOOR);
        System.out.println();
        System.out.printf(
                "== %dx results (wrk %s; pgbench %s) ==%n",
                result.size.scale, String.join(" ", WRK_LOAD), String.join(" ", PGBENCH_LOAD));
        System.out.printf(
                "  %-40s %9s %9s %9s %8s %8s %9s %9s%n",
                "path", "req/s", "p50 ms", "p99 ms", "% unauth", "% floor", "tps", "max RSS");
        for (Row row : rows.values()) {
            if (row.pgbench()) {
                System.out.printf(
                        "  %-40s %9s %9s %9s %8s %8s %9.0f %9s   (avg latency %.2f ms)%n",
                        row.name, "-", "-", "-", "-", "-", row.perSecond, "-", row.p50);
            } else {
                System.out.printf(
                        "  %-40s %9.0f %9.2f %9.2f %8.1f %8.1f %9s %6d MB%s%n",
                        row.name,
                        row.perSecond,
                        row.p50,
                        row.p99,
                        100 * row.perSecond / unauth.perSecond,
                        100 * row.perSecond / floor.perSecond,
                        "-",
                        row.maxRssKb / 1024,
                        errors(row));
            }
        }
        Row mis = rows.get(MIS_1);
        Row summary = rows.get(TRUST_SUMMARY);
        Row school = rows.get(SCHOOL_LIST);
        System.out.println("  targets:");
        System.out.printf(
                "    MIS 1 pair / authenticated floor           %6.1f %%  (target >= 80 %%)  %s%n",
                100 * mis.perSecond / floor.perSecond, mark(mis, mis.perSecond >= 0.8 * floor.perSecond));
        System.out.printf(
                "    authenticated floor / unauthenticated      %6.1f %%  (target >= 25 %%)  %s%n",
                100 * floor.perSecond / unauth.perSecond, mark(floor.perSecond >= 0.25 * unauth.perSecond));
        System.out.printf(
                "    pgbench MIS point query / pgbench -S       %6.1f %%  (%.0f / %.0f tps; MIS 1 pair over HTTP = %.1f %%"
                        + " of the SQL point query)%n",
                100 * rows.get(PGBENCH_MIS).perSecond / rows.get(PGBENCH_S).perSecond,
                rows.get(PGBENCH_MIS).perSecond,
                rows.get(PGBENCH_S).perSecond,
                100 * mis.perSecond / rows.get(PGBENCH_MIS).perSecond);
        System.out.printf(
                "    Trust summary p50                          %6.2f ms (target < 20 ms)  %s   p99 %.2f ms%n",
                summary.p50, mark(summary, summary.p50 < 20), summary.p99);
        System.out.printf(
                "    one school's list p50                      %6.2f ms (target < 30 ms at 10x)  %s   p99 %.2f ms%n",
                school.p50, result.size.scale == 10 ? mark(school, school.p50 < 30) : "(1x: for scaling)", school.p99);
        System.out.printf(
                "    HR sync: first sync max batch %,d ms (target < 2000)  %s;  re-send max batch over %d rounds %,d ms"
                        + " (target < 500)  %s%n",
                max(result.firstSync),
                mark(max(result.firstSync) < 2000),
                result.resends.size(),
                result.resends.stream()
                        .mapToLong(PerformanceBenchmark::max)
                        .max()
                        .orElse(0),
                mark(result.resends.stream().allMatch(r -> max(r) < 500)));
        List<Long> aot = result.starts.getOrDefault(START_AOT, List.of());
        System.out.printf(
                "    start-to-ready, %s %s ms (target < 2000 ms)  %s;  without the cache %s ms;  JDK 17 jar %s ms%n",
                START_AOT,
                aot,
                mark(!aot.isEmpty() && aot.stream().allMatch(ms -> ms < 2000)),
                result.starts.getOrDefault(START_NO_AOT, List.of()),
                result.starts.getOrDefault(START_JDK17, List.of()));
        Row refOpen = rows.get(REF_OPEN);
        Row refTokenPoint = rows.get(REF_TOKEN_POINT);
        Row noCache = rows.get(FLOOR_NO_CACHE);
        System.out.printf(
                "    floor (token cache on) / reference point query without a token  %6.1f %%  (target >= 70 %%)  %s%n",
                100 * floor.perSecond / refOpen.perSecond, mark(floor, floor.perSecond >= 0.7 * refOpen.perSecond));
        System.out.printf(
                "    floor with the cache / floor without it     %6.2fx  (target >= 1.4x)  %s%n",
                floor.perSecond / noCache.perSecond, mark(noCache, floor.perSecond >= 1.4 * noCache.perSecond));
        System.out.printf(
                "    floor / reference token + point query       %6.1f %%;  floor without the cache / the same  %.1f %%%n",
                100 * floor.perSecond / refTokenPoint.perSecond, 100 * noCache.perSecond / refTokenPoint.perSecond);
        Row thousand = rows.get(MIS_1000);
        System.out.printf(
                "    MIS check, 1,000 pairs, p95                 %6.2f ms (target < 30 ms at 1x)  %s%n",
                thousand.p95, result.size.scale == 1 ? mark(thousand, thousand.p95 < 30) : "(10x: for scaling)");
        System.out.printf(
                "    max RSS during the wrk loads               %6d MB (target < 350 MB)  %s;  of it anonymous (heap,"
                        + " metaspace, threads, code) at most %d MB, the rest mapped files (the AOT cache, the jars)%n",
                result.maxRssKb / 1024, mark(result.maxRssKb < 350 * 1024), result.maxAnonKb / 1024);
        long failing = rows.values().stream()
                .filter(r -> r.non2xx > 0 || r.socketErrors > 0)
                .count();
        if (failing > 0) {
            System.out.println("  !! " + failing + " path(s) had non-2xx responses or socket errors under load");
        }
    }

    private static void printScaling(Result one, Result ten) {
        System.out.println();
        System.out.println("== Scaling: each figure at 10x divided by the same figure at 1x ==");
        System.out.printf("  %-40s %9s %9s %9s%n", "path", "req/s", "p50", "p99");
        for (String name : one.rows.keySet()) {
            Row a = one.rows.get(name);
            Row b = ten.rows.get(name);
            if (a.pgbench()) {
                System.out.printf(
                        "  %-40s %8.2fx %8.2fx %9s   (tps, avg latency)%n",
                        name, b.perSecond / a.perSecond, b.p50 / a.p50, "-");
            } else {
                String target = name.equals(TRUST_SUMMARY)
                        ? "   summary latency target <= 1.5x  " + mark(a.valid() && b.valid() && b.p50 / a.p50 <= 1.5)
                        : "";
                if (!a.valid() || !b.valid()) {
                    target += "   (latencies invalid: failed or timed-out requests)";
                }
                System.out.printf(
                        "  %-40s %8.2fx %8.2fx %8.2fx%s%n",
                        name, b.perSecond / a.perSecond, b.p50 / a.p50, b.p99 / a.p99, target);
            }
        }
        System.out.printf(
                "  %-40s %8.2fx   (max batch: %,d -> %,d ms)%n",
                "HR sync first sync",
                (double) max(ten.firstSync) / max(one.firstSync),
                max(one.firstSync),
                max(ten.firstSync));
        long resendOne =
                one.resends.stream().mapToLong(PerformanceBenchmark::max).max().orElse(0);
        long resendTen =
                ten.resends.stream().mapToLong(PerformanceBenchmark::max).max().orElse(0);
        System.out.printf(
                "  %-40s %8.2fx   (max batch: %,d -> %,d ms)%n",
                "HR sync re-send unchanged", (double) resendTen / resendOne, resendOne, resendTen);
        System.out.printf(
                "  %-40s %8.2fx   (%,d -> %,d ms)%n",
                "start-to-ready",
                (double) ten.restart.toMillis() / one.restart.toMillis(),
                one.restart.toMillis(),
                ten.restart.toMillis());
        System.out.printf(
                "  %-40s %8.2fx   (%d -> %d MB)%n",
                "max RSS under load", (double) ten.maxRssKb / one.maxRssKb, one.maxRssKb / 1024, ten.maxRssKb / 1024);
    }

    // ---- Helpers ------------------------------------------------------------------------------------------------

    /** Resident memory of the app's process, sampled every second; {@link #window()} is the peak since its last call. */
    static final class RssSampler implements AutoCloseable {
        private final Path status;
        private final AtomicLong window = new AtomicLong();
        private final AtomicLong overall = new AtomicLong();
        private final AtomicLong anon = new AtomicLong();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "rss-sampler");
            thread.setDaemon(true);
            return thread;
        });

        RssSampler(long pid) {
            this.status = Path.of("/proc/" + pid + "/status");
            timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
        }

        private void sample() {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                        window.accumulateAndGet(kb, Math::max);
                        overall.accumulateAndGet(kb, Math::max);
                    } else if (line.startsWith("RssAnon:")) {
                        anon.accumulateAndGet(Long.parseLong(line.replaceAll("[^0-9]", "")), Math::max);
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // the process is being restarted
            }
        }

        long window() {
            sample();
            return window.getAndSet(0);
        }

        long overallMax() {
            return overall.get();
        }

        /** The peak of the process's private memory (heap, metaspace, threads, code), without mapped files. */
        long anonMax() {
            return anon.get();
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    /** Runs a command to completion and returns its output (stdout and stderr); fails on a non-zero exit. */
    static String run(List<String> command, boolean postgresPassword) throws Exception {
        Process process = start(command, postgresPassword);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command).replaceAll("Bearer [^ ]+", "Bearer ...")
                    + " exited with " + process.exitValue() + ":\n" + output);
        }
        return output;
    }

    /** A command's output whatever its exit status ({@code wrk --version} exits with 1). */
    static String output(List<String> command, boolean postgresPassword) throws Exception {
        Process process = start(command, postgresPassword);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    private static Process start(List<String> command, boolean postgresPassword) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (postgresPassword) {
            builder.environment().put("PGPASSWORD", "postgres");
        }
        return builder.start();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static String millis(List<Long> values) {
        StringBuilder out = new StringBuilder();
        for (long value : values) {
            out.append(String.format("%,6d", value));
        }
        return out.append(" ms").toString();
    }

    private static String mark(Row row, boolean met) {
        return row.valid() ? mark(met) : "[INVALID: " + (row.non2xx + row.socketErrors) + " failed requests]";
    }

    private static String mark(boolean met) {
        return met ? "[met]" : "[MISSED]";
    }
}
