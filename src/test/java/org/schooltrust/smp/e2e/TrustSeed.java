package org.schooltrust.smp.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The register every end-to-end app starts with, written through the API by {@code hr-sync} with a real
 * client-credentials token: schools 100001 and 100002 and the adults behind the realms' users. Work emails differ from
 * the realms' emails on purpose, so {@code /me} can only find an adult through the HR-id claim.
 */
public final class TrustSeed {

    public static final String SCHOOL_1 = "100001";
    public static final String SCHOOL_2 = "100002";

    /** HR ids of the realm users: alice and hugo work at 100001, bob and helen at 100002, tina centrally. */
    public static final String ALICE = "E1001";

    public static final String BOB = "E1002";
    public static final String HUGO = "E2001";
    public static final String HELEN = "E2002";
    public static final String TINA = "E9001";

    public static final List<String> EVERYONE = List.of(ALICE, BOB, HUGO, HELEN, TINA);

    private TrustSeed() {}

    static Map<String, Map<String, Object>> schools() {
        Map<String, Map<String, Object>> schools = new LinkedHashMap<>();
        schools.put(SCHOOL_1, Map.of("name", "St James Primary Academy", "status", "OPEN"));
        schools.put(SCHOOL_2, Map.of("name", "Riverside Secondary Academy", "status", "OPEN"));
        return schools;
    }

    /** The staff sync body: {@code {"records": [...]}}. */
    public static Map<String, Object> staffBatch() {
        List<Map<String, Object>> records = new ArrayList<>();
        records.add(adult(ALICE, "Alice", "Teacher", "TEACHER", SCHOOL_1, "Class teacher"));
        records.add(adult(BOB, "Bob", "Assistant", "TEACHING_ASSISTANT", SCHOOL_2, "Teaching assistant"));
        records.add(adult(HUGO, "Hugo", "Head", "TEACHER", SCHOOL_1, "Headteacher"));
        records.add(adult(HELEN, "Helen", "Head", "TEACHER", SCHOOL_2, "Headteacher"));
        records.add(adult(TINA, "Tina", "Admin", "SUPPORT_STAFF", null, null));
        return Map.of("records", records);
    }

    public static Map<String, Object> adult(
            String hrId, String firstName, String lastName, String category, String school, String jobTitle) {
        Map<String, Object> adult = new LinkedHashMap<>();
        adult.put("hrId", hrId);
        adult.put("firstName", firstName);
        adult.put("lastName", lastName);
        adult.put("workEmail", hrId.toLowerCase() + "@staff.schooltrust.example");
        adult.put("category", category);
        adult.put("active", true);
        List<Map<String, Object>> assignments = new ArrayList<>();
        if (school != null) {
            Map<String, Object> assignment = new LinkedHashMap<>();
            assignment.put("schoolUrn", school);
            assignment.put("jobTitle", jobTitle);
            assignment.put("startDate", "2021-09-01");
            if ("Headteacher".equals(jobTitle)) {
                // Head authority needs the register's HEAD_OF_SCHOOL beside the token's role (ADR 0011)
                assignment.put("responsibilities", List.of("HEAD_OF_SCHOOL"));
            }
            assignments.add(assignment);
        }
        adult.put("assignments", assignments);
        return adult;
    }

    /** Writes the seed through the API as {@code hr-sync}; fails if any write is refused. */
    static void apply(TrustApi api) {
        String hr = api.hrSync();
        schools()
                .forEach((urn, school) -> api.as(hr)
                        .body(school)
                        .put("/api/v1/schools/{urn}", urn)
                        .then()
                        .statusCode(201));
        Map<String, Object> sync = api.as(hr)
                .body(staffBatch())
                .post("/api/v1/staff/sync?mode=full")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
        api.seeded(sync);
    }
}
