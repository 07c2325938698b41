package org.schooltrust.smp.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/**
 * Who is told of safeguarding concerns comes only from HR (issue 23, ADR 0023): a Head cannot create a manual record
 * that names a DSL at their school with an address of their choosing — the route by which concern mail about the Head
 * would reach the Head — and neither can trust-admin. Nothing is written.
 */
@ApiTest
class RoutingResponsibilitiesTest {

    @Test
    void aManualRecordThatSetsHeadOrDslIs422AndWritesNothing() {
        String school = TestData.newSchool();
        String head = Tokens.head(TestData.newHrId("H"), school);
        for (String token : List.of(head, Tokens.trustAdmin())) {
            for (String responsibility : List.of("DSL", "HEAD_OF_SCHOOL")) {
                String hrId = TestData.newHrId("M");
                Map<String, Object> body = new java.util.HashMap<>(TestData.anAdult(hrId)
                        .with("workEmail", "private.inbox." + hrId.toLowerCase() + "@mail.example")
                        .build());
                body.put(
                        "assignments",
                        List.of(Map.of(
                                "schoolUrn",
                                school,
                                "startDate",
                                "2024-09-01",
                                "responsibilities",
                                List.of(responsibility))));
                String before = Db.staffSnapshot();
                Api.as(token)
                        .body(body)
                        .put("/api/v1/staff/{hrId}", hrId)
                        .then()
                        .statusCode(422)
                        .contentType("application/problem+json")
                        .body("errors.field", hasItem("assignments[0].responsibilities"));
                assertThat(Db.staffSnapshot()).isEqualTo(before);
            }
        }
        // the same record without the responsibility is a manual record as before
        String volunteer = TestData.newHrId("V");
        Api.as(head)
                .body(TestData.anAdult(volunteer)
                        .at(school)
                        .with("category", "VOLUNTEER")
                        .build())
                .put("/api/v1/staff/{hrId}", volunteer)
                .then()
                .statusCode(201);
    }
}
