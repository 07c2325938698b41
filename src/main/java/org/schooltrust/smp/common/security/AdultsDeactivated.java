package org.schooltrust.smp.common.security;

import java.util.Set;

/**
 * Fired by the staff register (inside the writing transaction) when adults become inactive; the token cache drops
 * what it kept for them once the transaction commits.
 */
public record AdultsDeactivated(Set<StaffKey> adults) {}
