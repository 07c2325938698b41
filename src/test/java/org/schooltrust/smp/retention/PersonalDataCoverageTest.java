package org.schooltrust.smp.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.common.records.PersonalData;
import org.schooltrust.smp.support.ApiTest;
import org.schooltrust.smp.support.Db;

/**
 * Personal data declared once (issue 24, item 1, first part): every table that refers to an adult or a pupil — a
 * foreign key to {@code adults}, or a column naming an adult, an HR id, a pupil or a person who acted — is declared by
 * a feature, with its record class or the reason it is kept outside retention. A table added without a declaration
 * fails here, as the second test shows with one made up inside a transaction that is rolled back.
 */
@ApiTest
class PersonalDataCoverageTest {

    /** Columns that name a person. */
    private static final String PERSON_COLUMNS = "(adult_id|adult_ids|hr_id|pupil_mis_id|pupil_name|recipient_adult_id"
            + "|actor_subject|placed_by|lifted_by|proposed_by|confirmed_by|cancelled_by|staff_hr_id)$";

    @Inject
    Instance<PersonalData> features;

    @Inject
    AgroalDataSource dataSource;

    private Map<String, PersonalData.Table> declared() {
        Map<String, PersonalData.Table> tables = new TreeMap<>();
        for (PersonalData feature : features) {
            for (PersonalData.Table table : feature.tables()) {
                assertThat(tables.put(table.name(), table))
                        .as(table.name() + " declared twice")
                        .isNull();
            }
        }
        return tables;
    }

    /** Tables of the schema that refer to an adult or a pupil. */
    private static Set<String> personal(Statement s) throws Exception {
        Set<String> tables = new TreeSet<>();
        try (ResultSet rs = s.executeQuery("SELECT DISTINCT c.table_name FROM information_schema.columns c"
                + " JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
                + " AND t.table_type = 'BASE TABLE'"
                + " WHERE c.table_schema = current_schema() AND c.column_name ~ '" + PERSON_COLUMNS + "'"
                + " UNION SELECT DISTINCT tc.table_name FROM information_schema.table_constraints tc"
                + " JOIN information_schema.constraint_column_usage u ON u.constraint_name = tc.constraint_name"
                + " WHERE tc.constraint_type = 'FOREIGN KEY' AND u.table_name = 'adults'"
                + " AND tc.table_schema = current_schema()")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    @Test
    void everyTableThatRefersToAPersonIsDeclaredWithARecordClassOrAReason() throws Exception {
        Map<String, PersonalData.Table> declared = declared();
        Set<String> classes =
                Arrays.stream(RecordClass.values()).map(Enum::name).collect(Collectors.toSet());
        declared.values().stream()
                .filter(t -> t.recordClass() != null)
                .forEach(t -> assertThat(classes).as(t.name()).contains(t.recordClass()));
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            Set<String> personal = personal(s);
            assertThat(personal).as("the schema has personal tables").contains("adults", "concerns");
            assertThat(declared.keySet())
                    .as("tables that refer to an adult or a pupil and that no feature declares")
                    .containsAll(personal);
            Set<String> existing = new TreeSet<>();
            try (ResultSet rs = s.executeQuery(
                    "SELECT table_name FROM information_schema.tables" + " WHERE table_schema = current_schema()")) {
                while (rs.next()) {
                    existing.add(rs.getString(1));
                }
            }
            assertThat(existing).as("every declared table exists").containsAll(declared.keySet());
        }
        // every record class is held somewhere (the pupil's name is a column of declarations; child-protection
        // concerns are rows of the concerns table by category)
        Set<String> used = declared.values().stream()
                .map(PersonalData.Table::recordClass)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        used.add(RecordClass.DECLARATION_PUPIL_NAME.name());
        used.add(RecordClass.CONCERN_CHILD_PROTECTION.name());
        assertThat(used).containsAll(classes);
    }

    @Test
    void aTableAddedWithoutADeclarationIsFound() throws Exception {
        try (Connection c = Db.owner()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE forgotten_feature (id uuid PRIMARY KEY, adult_id uuid REFERENCES adults (id))");
                assertThat(personal(s)).contains("forgotten_feature");
                assertThat(declared().keySet()).doesNotContain("forgotten_feature");
            } finally {
                c.rollback();
            }
        }
    }
}
