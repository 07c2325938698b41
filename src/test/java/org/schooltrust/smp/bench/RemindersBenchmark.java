package org.schooltrust.smp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issue 12's figures beside baselines from the same run: a reminder run over 10,000 adults in 50 schools with 30 %
 * overdue (first run, and a second run that finds nothing new) against evaluating the requirement rule for the whole
 * Trust once in raw SQL; then mail delivery of the run's messages to a local SMTP server (GreenMail), in mails/s.
 */
public final class RemindersBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RemindersBenchmark() {}

    public static void main(String[] args) throws Exception {
        int smtpPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, String> env = Map.of(
                "SMP_MAIL_HOST", "127.0.0.1",
                "SMP_MAIL_PORT", Integer.toString(smtpPort),
                "SMP_MAIL_START_TLS", "DISABLED",
                "SMP_REMINDERS_ENABLED", "false",
                "SMP_REMINDERS_SEND_EVERY", "1s",
                "SMP_PORTAL_URL", "https://portal.bench.example",
                "SMP_MAIL_TIMEOUT", "PT5S",
                // GreenMail stalls on pipelined commands now and then; a production server does not need this
                "QUARKUS_MAILER_PIPELINING", "false");
        try (BenchApp app = BenchApp.start("bench-reminders", env)) {
            String admin = app.token(Set.of("trust-admin"), Map.of());
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
                    JSON.writeValueAsString(Map.of("records", adults(urns))));
            // a policy published 40 days ago with 28 days allowed: adults who joined long ago (30 %) are overdue, the
            // recent joiners (70 %) have 26 days left (seeding a benchmark, not a test: the packaged app's clock is
            // real)
            app.send("POST", "/api/v1/policies", admin, "{\"slug\":\"bench-policy\",\"title\":\"Bench policy\"}");
            Map<String, Object> version = new LinkedHashMap<>();
            version.put("label", "1.0");
            version.put("body", "Be kind online.");
            version.put("statements", List.of(Map.of("code", "READ_AND_UNDERSTOOD", "text", "I have read it.")));
            version.put("material", true);
            version.put("allSchools", true);
            version.put("schoolUrns", List.of());
            version.put("audience", List.of("TEACHER", "SUPPORT_STAFF"));
            version.put("dueDays", 28);
            version.put("joinerDueDays", 28);
            String etag = app.send(
                            "POST", "/api/v1/policies/bench-policy/versions", admin, JSON.writeValueAsString(version))
                    .headers()
                    .firstValue("ETag")
                    .orElseThrow();
            app.sendWithHeader("POST", "/api/v1/policies/bench-policy/versions/1.0/publish", admin, "If-Match", etag);
            app.sql("UPDATE policy_versions SET published_at = published_at - interval '40 days' WHERE policy_id ="
                    + " (SELECT id FROM policies WHERE slug = 'bench-policy')");

            long[] raw = new long[5];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = Benchmark.time(() -> app.sql("SELECT count(*) FROM policy_requirements_on(current_date)"));
            }
            long rawMedian = Benchmark.median(raw);
            long dry = Benchmark.time(() -> app.send("POST", "/api/v1/reminders/run?dryRun=true", admin, null));
            long[] first = new long[1];
            JsonNode[] result = new JsonNode[1];
            first[0] = Benchmark.time(() -> result[0] = JSON.readTree(
                    app.send("POST", "/api/v1/reminders/run", admin, null).body()));
            long sentStart = System.nanoTime();
            long second = Benchmark.time(() -> app.send("POST", "/api/v1/reminders/run", admin, null));
            int messages = result[0].get("messages").asInt();
            while (smtp.getReceivedMessages().length < messages) {
                Thread.sleep(50);
            }
            double mailSeconds = (System.nanoTime() - sentStart) / 1e9;
            long overdue = count(app, "SELECT count(*) FROM overdue_notices");

            System.out.println();
            System.out.println("== Reminder run, " + Benchmark.ADULTS + " adults in " + Benchmark.SCHOOLS + " schools, "
                    + overdue + " requirements overdue (" + LocalDate.now(ZoneOffset.UTC) + ") ==");
            System.out.printf("  requirement rule for the Trust, raw SQL (baseline) %6d ms%n", rawMedian);
            System.out.printf(
                    "  dry run (plans, writes nothing)                    %6d ms   %5.1fx baseline%n",
                    dry, (double) dry / Math.max(1, rawMedian));
            System.out.printf(
                    "  first run: %5d reminders in %5d messages          %6d ms   %5.1fx baseline (target < 10,000 ms)%n",
                    result[0].get("reminders").asInt(), messages, first[0], (double) first[0] / Math.max(1, rawMedian));
            System.out.printf(
                    "  second run, same day (nothing new)                 %6d ms   %5.1fx baseline%n",
                    second, (double) second / Math.max(1, rawMedian));
            System.out.printf("  by kind: %s%n", result[0].get("byKind"));
            System.out.printf(
                    "  mail to a local SMTP server: %d messages in %.1f s = %.0f mails/s (SMP_REMINDERS_SEND_EVERY 1s)%n",
                    messages, mailSeconds, messages / mailSeconds);
        } finally {
            smtp.stop();
        }
    }

    private static long count(BenchApp app, String sql) throws Exception {
        try (var c = app.jdbc();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** 10,000 adults: the first 50 are the Heads of the 50 schools; 30 % joined long ago, 70 % twenty days ago
     * (past the welcome, their acknowledgement due in 8 days). */
    private static List<Map<String, Object>> adults(List<String> urns) {
        List<Map<String, Object>> records = new ArrayList<>();
        String recent = LocalDate.now(ZoneOffset.UTC).minusDays(20).toString();
        for (int i = 0; i < Benchmark.ADULTS; i++) {
            Map<String, Object> assignment = new LinkedHashMap<>();
            assignment.put("schoolUrn", urns.get(i % urns.size()));
            assignment.put("jobTitle", i < urns.size() ? "Head of School" : "Teacher");
            assignment.put("startDate", i < urns.size() || i % 10 < 3 ? "2020-09-01" : recent);
            if (i < urns.size()) {
                assignment.put("responsibilities", List.of("HEAD_OF_SCHOOL"));
            }
            Map<String, Object> adult = new LinkedHashMap<>();
            adult.put("hrId", String.format("B%06d", i));
            adult.put("firstName", "First" + i);
            adult.put("lastName", "Last" + i);
            adult.put("workEmail", "adult" + i + "@bench.example");
            adult.put("category", "TEACHER");
            adult.put("active", true);
            adult.put("assignments", List.of(assignment));
            records.add(adult);
        }
        return records;
    }
}
