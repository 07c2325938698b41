package org.schooltrust.smp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Plan stability of the hot and bulk statements (issue 15, item 7): each statement is prepared once on one
 * connection, as the pool does, and run {@value #RUNS} times under {@code EXPLAIN (ANALYZE)} — past the five custom
 * plans after which PostgreSQL may switch to its generic plan. The first and the last run's plan shapes and times are
 * printed side by side; a changed shape with a slower last run is flagged.
 */
public final class PlanStability {

    /** A statement of the service (its SQL is the service's own constant) with representative arguments. */
    public record HotStatement(String name, String sql, List<Object> args) {
        public HotStatement(String name, String sql, Object... args) {
            this(name, sql, Arrays.asList(args));
        }
    }

    static final int RUNS = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanStability() {}

    /** Runs every statement, prints a table, returns how many were flagged. */
    static int check(Connection c, List<HotStatement> statements) throws Exception {
        System.out.printf(
                "  %-44s %9s %9s %9s %7s  %s%n", "statement", "1st ms", "last ms", "worst ms", "generic", "plan");
        int flagged = 0;
        // the outbox claims are UPDATEs: EXPLAIN ANALYZE runs them, so everything is rolled back at the end
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (int i = 0; i < statements.size(); i++) {
                HotStatement hot = statements.get(i);
                String name = "hot_" + i;
                s.execute("PREPARE " + name + " AS " + numbered(hot.sql()));
                String execute = "EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE " + name
                        + (hot.args().isEmpty()
                                ? ""
                                : hot.args().stream()
                                        .map(PlanStability::literal)
                                        .collect(Collectors.joining(", ", "(", ")")));
                String firstShape = null;
                String lastShape = null;
                double first = 0;
                double last = 0;
                double worst = 0;
                for (int run = 0; run < RUNS; run++) {
                    JsonNode root;
                    try (ResultSet rs = s.executeQuery(execute)) {
                        rs.next();
                        root = JSON.readTree(rs.getString(1)).get(0);
                    }
                    double millis = root.path("Planning Time").asDouble()
                            + root.path("Execution Time").asDouble();
                    String shape = shape(root.get("Plan"));
                    if (run == 0) {
                        firstShape = shape;
                        first = millis;
                    }
                    lastShape = shape;
                    last = millis;
                    worst = Math.max(worst, millis);
                }
                long generic;
                try (ResultSet rs = s.executeQuery(
                        "SELECT generic_plans FROM pg_prepared_statements WHERE name = '" + name + "'")) {
                    rs.next();
                    generic = rs.getLong(1);
                }
                s.execute("DEALLOCATE " + name);
                boolean same = firstShape.equals(lastShape);
                boolean slower = last > 2 * first + 1;
                String verdict = same ? "same" : slower ? "CHANGED AND SLOWER" : "changed, not slower";
                if (!same && slower) {
                    flagged++;
                }
                System.out.printf(
                        "  %-44s %9.2f %9.2f %9.2f %7s  %s%n",
                        hot.name(), first, last, worst, generic > 0 ? "yes" : "no", verdict);
                if (!same) {
                    System.out.println("      first: " + firstShape);
                    System.out.println("      last:  " + lastShape);
                }
            }
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
        return flagged;
    }

    /** JDBC {@code ?} placeholders as {@code $1, $2, …} for PREPARE. */
    public static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            if (ch == '?') {
                out.append('$').append(++n);
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** The plan's node types and relations, depth-first: what changes when PostgreSQL picks another plan. */
    static String shape(JsonNode plan) {
        StringBuilder out = new StringBuilder(plan.path("Node Type").asText());
        if (plan.has("Relation Name")) {
            out.append(' ').append(plan.get("Relation Name").asText());
        }
        if (plan.has("Index Name")) {
            out.append(" using ").append(plan.get("Index Name").asText());
        }
        List<String> children = new ArrayList<>();
        plan.path("Plans").forEach(child -> children.add(shape(child)));
        if (!children.isEmpty()) {
            out.append(children.stream().collect(Collectors.joining(", ", " (", ")")));
        }
        return out.toString();
    }

    public static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Object[] array) {
            return quote(Arrays.stream(array)
                    .map(v -> "\"" + v.toString().replace("\"", "\\\"") + "\"")
                    .collect(Collectors.joining(",", "{", "}")));
        }
        if (value instanceof Enum<?> e) {
            return quote(e.name());
        }
        if (value instanceof LocalDate
                || value instanceof UUID
                || value instanceof String
                || value instanceof java.time.Instant) {
            return quote(value.toString());
        }
        throw new IllegalArgumentException("No literal for " + value.getClass());
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
