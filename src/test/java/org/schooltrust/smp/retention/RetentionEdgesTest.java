package org.schooltrust.smp.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.Api;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/**
 * Edges of retention found in review: a hold given a record id in upper case holds that record; an audit event's
 * retention can be read by its numeric id; a period written in days is held to the 100-year limit.
 */
@ApiTest
class RetentionEdgesTest {

    @Test
    void aHoldOnAnUpperCaseRecordIdHoldsTheRecord() {
        String school = TestData.newSchool();
        String adult = TestData.hrAdultAt(school);
        String id = Api.as(Tokens.staff(adult, school))
                .body(Map.of(
                        "schoolUrn",
                        school,
                        "pupilMisId",
                        "U-" + System.nanoTime(),
                        "pupilName",
                        "Held Pupil",
                        "relationship",
                        "SIBLING"))
                .post("/api/v1/me/family-declarations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.as(Tokens.trustAdmin())
                .body(Map.of("targetType", "RECORD", "targetId", id.toUpperCase(Locale.ROOT), "reason", "inquiry"))
                .post("/api/v1/legal-holds")
                .then()
                .statusCode(201)
                .body("targetId", equalTo(id));
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/retention-rules/FAMILY_DECLARATION/records/{id}", id)
                .then()
                .statusCode(200)
                .body("held", equalTo(true));
    }

    @Test
    void anAuditEventsRetentionIsReadByItsId() {
        TestData.newSchool();
        String id = Db.first("SELECT max(id)::text FROM audit_events");
        Api.as(Tokens.trustAdmin())
                .get("/api/v1/retention-rules/AUDIT_EVENT/records/{id}", id)
                .then()
                .statusCode(200)
                .body("recordClass", equalTo("AUDIT_EVENT"));
    }

    @Test
    void aPeriodInDaysIsHeldToTheHundredYearLimit() {
        String before = Db.first("SELECT period FROM retention_rules WHERE record_class = 'CONCERN'");
        Api.as(Tokens.trustAdmin())
                .body(Map.of("period", "P99999D"))
                .put("/api/v1/retention-rules/CONCERN")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        Api.as(Tokens.trustAdmin())
                .body(Map.of("period", "P99999999999D"))
                .put("/api/v1/retention-rules/CONCERN")
                .then()
                .statusCode(422);
        assertThat(Db.first("SELECT period FROM retention_rules WHERE record_class = 'CONCERN'"))
                .isEqualTo(before);
    }
}
