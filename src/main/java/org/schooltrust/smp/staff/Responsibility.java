package org.schooltrust.smp.staff;

/**
 * What an adult is at a school beyond their job title, as HR holds it: the register's answer to "who are this school's
 * Heads and designated safeguarding leads" when the service must tell them something (reminder digests, concerns).
 * Authority to act still comes from the token's role and the register's assignment (docs/architecture.md: Security).
 * Values are stable API constants.
 */
public enum Responsibility {
    /** Head of School (policy clause 4): receives escalations and review digests for the school. */
    HEAD_OF_SCHOOL,
    /** Designated safeguarding lead (clause 10.6). */
    DSL
}
