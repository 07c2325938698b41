package org.schooltrust.smp.reminder;

import java.time.LocalDate;

/** A closure of one school ({@code schoolUrn}) or of every school (null) from {@code start} to {@code end}, inclusive. */
public record Closure(String schoolUrn, LocalDate start, LocalDate end, String label) {

    boolean appliesTo(String school) {
        return schoolUrn == null || schoolUrn.equals(school);
    }

    boolean covers(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    boolean overlaps(Closure other) {
        return java.util.Objects.equals(schoolUrn, other.schoolUrn)
                && !start.isAfter(other.end)
                && !other.start.isAfter(end);
    }
}
