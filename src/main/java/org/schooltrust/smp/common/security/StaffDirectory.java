package org.schooltrust.smp.common.security;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the staff register says about the adult a token names, for authority that must come from the token
 * <em>and</em> the register (a Head's schools). Implemented by the staff feature, so security does not depend on it.
 */
public interface StaffDirectory {

    /** Schools where the adult the key names is active and has an assignment current on {@code day}; empty if none. */
    Set<String> schoolsWorkedAt(StaffKey key, LocalDate day);
}
