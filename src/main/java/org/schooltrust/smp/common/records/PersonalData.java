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
}
