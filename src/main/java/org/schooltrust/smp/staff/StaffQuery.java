package org.schooltrust.smp.staff;

import java.time.Instant;

/** Filters and keyset position of a staff list. */
record StaffQuery(String schoolUrn, Boolean active, Instant updatedSince, Instant afterUpdatedAt, String afterHrId) {}
