package org.schooltrust.smp.common.records;

import java.util.List;

/**
 * The tables a feature holds that refer to an adult or a pupil, declared in the feature's own package (issue 24): each
 * either belongs to a retention record class (disposed of under its rule, covered by legal holds and subject access),
 * or says why it is kept outside retention. {@code PersonalDataCoverageTest} reads the schema and fails on a table that
 * refers to an adult or a pupil and that no feature declares, so the next feature cannot be left out of retention.
 */
public interface PersonalData {

    /**
     * One table: its retention record class (a {@code RecordClass} name), or null with the reason it is kept outside
     * retention.
     */
    record Table(String name, String recordClass, String keptBecause) {

        public Table {
            if ((recordClass == null) == (keptBecause == null)) {
                throw new IllegalArgumentException(name + ": a record class, or a reason it has none");
            }
        }

        public static Table of(String name, String recordClass) {
            return new Table(name, recordClass, null);
        }

        public static Table kept(String name, String because) {
            return new Table(name, null, because);
        }
    }

    List<Table> tables();

    /**
     * How one retention record class held in these tables is disposed of — the one definition the disposal job, the
     * per-record retention read and the legal-hold targets are all built from (retention/{@code RecordRules}). SQL
     * fragments over {@code from}: {@code member} which rows are of the class; {@code basis} the instant its period
     * runs from (null while it has not begun); {@code adults} ({@code uuid[]}), {@code schools} ({@code text[]}) and
     * {@code pupil} (text or NULL) whose hold keeps a row; {@code dispose} the statements that dispose of a batch,
     * each taking the ids as its one parameter; {@code action} DELETED or ANONYMISED.
     */
    record Disposal(
            String recordClass,
            String from,
            String id,
            String member,
            String basis,
            String adults,
            String schools,
            String pupil,
            String action,
            List<String> dispose) {}

    /**
     * One section of a subject-access export (UK GDPR Art. 15): what these tables hold about the subject, as rows
     * ({@code single}: one object). Every parameter of {@code query} is bound to the subject's adult id. Sections are
     * placed in the document by {@code order}; what is withheld and what needs review before release is decided by the
     * export itself (retention/{@code SubjectAccessExport}).
     */
    record Section(String name, int order, boolean single, String query) {}

    /** The sections of a subject-access export these tables supply (none by default). */
    default List<Section> sections() {
        return List.of();
    }

    /** The record classes disposed of from these tables (none by default). */
    default List<Disposal> disposals() {
        return List.of();
    }

    /** Enum constants as an SQL list of literals, e.g. {@code ('ENDED', 'WITHDRAWN')}: status sets come from enums. */
    static String in(java.util.Collection<? extends Enum<?>> values) {
        return values.stream()
                .map(v -> "'" + v.name() + "'")
                .sorted()
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    /** Disposal through the schema owner's function, which deletes only what a run in progress certified (V27). */
    static String throughOwner(String table) {
        return "SELECT smp_dispose('" + table + "', ?::text[])";
    }
}
