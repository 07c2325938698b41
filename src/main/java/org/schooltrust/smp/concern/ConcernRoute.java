package org.schooltrust.smp.concern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a concern went (ADR 0024). Values are stable API constants. */
@Schema(
        description = "Where it went: the handling schools' Heads and DSLs (`SCHOOL`), or the Trust's safeguarding"
                + " leads (`TRUST`: it names a Head, or nobody at the school but the adult it names could handle it).")
public enum ConcernRoute {
    SCHOOL,
    TRUST
}
