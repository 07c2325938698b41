package org.schooltrust.smp.staff;

import java.time.LocalDate;
import java.util.Comparator;

/** The adult works at a school from {@code startDate} until {@code endDate} (inclusive; open-ended when null). */
public record Assignment(String schoolUrn, String jobTitle, LocalDate startDate, LocalDate endDate) {

    static final Comparator<Assignment> ORDER =
            Comparator.comparing(Assignment::schoolUrn).thenComparing(Assignment::startDate);

    public boolean isCurrentOn(LocalDate day) {
        return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
    }
}
