package org.schooltrust.smp.common.security;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the staff register says about the adult a token names, for authority that must come from the token
 * <em>and</em> the register (a Head's or DSL's schools, ADR 0011). Implemented by the staff feature, so security does
 * not depend on it.
 */
public interface StaffDirectory {

    /**
     * Where the adult the key names works on {@code day} (active, with a current assignment), and where the register
     * names them Head of School or designated safeguarding lead on such an assignment; empty if no such adult.
     */
    Workplaces workplaces(StaffKey key, LocalDate day);

    /** The register's answer for one adult on one day. */
    record Workplaces(Set<String> worksAt, Set<String> headOf, Set<String> dslOf) {

        public static final Workplaces NONE = new Workplaces(Set.of(), Set.of(), Set.of());

        public Workplaces {
            worksAt = Set.copyOf(worksAt);
            headOf = Set.copyOf(headOf);
            dslOf = Set.copyOf(dslOf);
        }
    }
}
