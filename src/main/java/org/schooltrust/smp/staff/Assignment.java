package org.schooltrust.smp.staff;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;

/**
 * The adult works at a school from {@code startDate} until {@code endDate} (inclusive; open-ended when null), holding
 * the given {@link Responsibility responsibilities} there.
 */
public record Assignment(
        String schoolUrn,
        String jobTitle,
        LocalDate startDate,
        LocalDate endDate,
        Set<Responsibility> responsibilities) {

    static final Comparator<Assignment> ORDER =
            Comparator.comparing(Assignment::schoolUrn).thenComparing(Assignment::startDate);

    public Assignment {
        responsibilities = responsibilities == null || responsibilities.isEmpty()
                ? Set.of()
                : Set.copyOf(EnumSet.copyOf(responsibilities));
    }

    public Assignment(String schoolUrn, String jobTitle, LocalDate startDate, LocalDate endDate) {
        this(schoolUrn, jobTitle, startDate, endDate, Set.of());
    }

    public boolean isCurrentOn(LocalDate day) {
        return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
    }

    /** The responsibilities in their declared order, for storage and views. */
    public java.util.List<Responsibility> responsibilitiesInOrder() {
        return responsibilities.isEmpty()
                ? java.util.List.of()
                : java.util.List.copyOf(EnumSet.copyOf(responsibilities));
    }
}
