package org.schooltrust.smp.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Unique keys and small builders, so tests never depend on each other's data. */
public final class TestData {

    private static final AtomicInteger NEXT_URN =
            new AtomicInteger(200000 + ThreadLocalRandom.current().nextInt(100000));
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    private TestData() {}

    /** A fresh 6-digit URN and the school created for it. */
    public static String newSchool() {
        String urn = Integer.toString(NEXT_URN.getAndIncrement());
        Api.as(Tokens.trustAdmin())
                .body(Map.of("name", "School " + urn, "status", "OPEN"))
                .put("/api/v1/schools/{urn}", urn)
                .then()
                .statusCode(201);
        return urn;
    }

    public static String newHrId(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + NEXT_ID.incrementAndGet();
    }

    public static AdultBuilder anAdult(String hrId) {
        return new AdultBuilder(hrId);
    }

    /** Creates the adult through the API as HR. */
    public static String hrAdultAt(String urn) {
        String hrId = newHrId("E");
        Api.as(Tokens.hrSync())
                .body(anAdult(hrId).at(urn).build())
                .put("/api/v1/staff/{hrId}", hrId)
                .then()
                .statusCode(201);
        return hrId;
    }

    public static final class AdultBuilder {
        private final Map<String, Object> fields = new LinkedHashMap<>();
        private final List<Map<String, Object>> assignments = new ArrayList<>();
        private final Set<String> removed = new HashSet<>();

        AdultBuilder(String hrId) {
            fields.put("hrId", hrId);
            fields.put("firstName", "Sam");
            fields.put("lastName", "Teacher");
            fields.put("workEmail", hrId.toLowerCase() + "@school.example");
            fields.put("category", "TEACHER");
            fields.put("active", true);
        }

        public AdultBuilder at(String urn) {
            Map<String, Object> assignment = new LinkedHashMap<>();
            assignment.put("schoolUrn", urn);
            assignment.put("jobTitle", "Class teacher");
            assignment.put("startDate", "2024-09-01");
            assignments.add(assignment);
            return this;
        }

        /** An assignment at {@code urn} as the school's Head: HR names the responsibility (ADR 0011). */
        public AdultBuilder headAt(String urn) {
            at(urn);
            assignments.get(assignments.size() - 1).put("responsibilities", List.of("HEAD_OF_SCHOOL"));
            return this;
        }

        public AdultBuilder with(String field, Object value) {
            fields.put(field, value);
            return this;
        }

        public AdultBuilder without(String field) {
            fields.remove(field);
            removed.add(field);
            return this;
        }

        public Map<String, Object> build() {
            Map<String, Object> body = new LinkedHashMap<>(fields);
            if (!removed.contains("assignments")) {
                body.putIfAbsent("assignments", List.copyOf(assignments));
            }
            return body;
        }
    }
}
