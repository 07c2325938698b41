package org.schooltrust.smp.staff;

/** Who the adult is, in the words of policy clauses 2.1 and 2.4. Values are stable API constants. */
public enum AdultCategory {
    TEACHER,
    TEACHING_ASSISTANT,
    SUPPORT_STAFF,
    TRAINEE_TEACHER,
    OTHER_TRAINEE,
    APPRENTICE,
    AGENCY,
    SELF_EMPLOYED,
    EXTERNAL_CONSULTANT,
    VOLUNTEER,
    GOVERNOR
}
