package org.schooltrust.smp.concern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Concerns;
import org.schooltrust.smp.support.Db;
import org.schooltrust.smp.support.TestData;
import org.schooltrust.smp.support.Tokens;

/**
 * No copies of illegal material (issue 23, ADR 0023): a concern about indecent images of children or terrorist material
 * keeps text only; an upload is refused with guidance and nothing is written, and the database refuses such a row
 * from any writer.
 */
@ApiTest
class IllegalMaterialTest {

    @Inject
    AgroalDataSource dataSource;

    private String school;
    private String reporter;

    @BeforeEach
    void setUp() {
        school = TestData.newSchool();
        reporter = TestData.hrAdultAt(school);
    }

    private String raised(String category) {
        return Concerns.raise(Tokens.staff(reporter, school), Concerns.body(school, category));
    }

    private static byte[] png() {
        byte[] png = new byte[2048];
        System.arraycopy(EvidenceTypeTest.PNG, 0, png, 0, EvidenceTypeTest.PNG.length);
        return png;
    }

    private io.restassured.response.Response upload(String concern) {
        return io.restassured.RestAssured.given()
                .auth()
                .oauth2(Tokens.staff(reporter, school))
                .accept(ContentType.JSON)
                .multiPart("file", "screenshot.png", png(), "image/png")
                .post("/api/v1/me/concerns/{id}/evidence", concern);
    }

    @Test
    void aConcernAboutIndecentImagesOrTerroristMaterialTakesNoFileAndSaysWhatToDoInstead() {
        for (String category : List.of("INDECENT_IMAGES", "RADICALISATION")) {
            String concern = raised(category);
            long before = Db.count("SELECT count(*) FROM concern_evidence");
            upload(concern)
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("file"))
                    .body("errors.message", hasItem(containsString("do not")))
                    .body("errors.message", hasItem(containsString("where you saw it")));
            assertThat(Db.count("SELECT count(*) FROM concern_evidence")).isEqualTo(before);
            assertThat(Db.count("SELECT count(*) FROM concern_evidence WHERE concern_id = ?::uuid", concern))
                    .isZero();
        }
    }

    @Test
    void otherConcernsStillKeepTheirEvidence() {
        String concern = raised("CYBERBULLYING");
        upload(concern).then().statusCode(201);
        assertThat(Db.count("SELECT count(*) FROM concern_evidence WHERE concern_id = ?::uuid", concern))
                .isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesAFileForSuchAConcernFromAnyWriter() throws Exception {
        String concern = raised("INDECENT_IMAGES");
        String uploader = Db.first("SELECT id::text FROM adults WHERE hr_id = ?", reporter);
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO concern_evidence (id, concern_id,"
                        + " media_type, file_name, size_bytes, sha256, content, uploaded_by, uploaded_at)"
                        + " VALUES (?, ?::uuid, 'image/png', 'x.png', 1, repeat('0', 64), '\\x00'::bytea, ?::uuid,"
                        + " now())")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, concern);
            insert.setString(3, uploader);
            assertThatThrownBy(insert::executeUpdate).hasMessageContaining("keeps no evidence files");
        }
        assertThat(Db.count("SELECT count(*) FROM concern_evidence WHERE concern_id = ?::uuid", concern))
                .isZero();
    }
}
