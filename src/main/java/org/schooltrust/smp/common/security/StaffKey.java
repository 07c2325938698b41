package org.schooltrust.smp.common.security;

/** How the token identifies the adult: by HR id (the staff-id claim) or, failing that, by work email. */
public record StaffKey(Kind kind, String value) {

    public enum Kind {
        HR_ID,
        EMAIL
    }
}
