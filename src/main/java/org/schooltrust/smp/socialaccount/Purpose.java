package org.schooltrust.smp.socialaccount;

/** Clause 8.1: an official account needs a strong pedagogical or business reason. Stable API constants. */
public enum Purpose {
    PEDAGOGICAL,
    BUSINESS
}
