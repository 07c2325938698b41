package org.schooltrust.smp.retention;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.schooltrust.smp.common.error.FieldError;
import org.schooltrust.smp.common.records.Changed;

/** How long one class of record is kept after its basis date, and where that period comes from. */
public record RetentionRule(RecordClass recordClass, Period period, String basis, String source, long version) {

    /** Longest period accepted: a hundred years. */
    public static final Period MAX = Period.ofYears(100);

    /** This rule with another period (a longer or equal one; a shorter one goes through a retention change). */
    public Changed<RetentionRule> withPeriod(Period next) {
        if (next.equals(period)) {
            return Changed.none(this);
        }
        return new Changed<>(new RetentionRule(recordClass, next, basis, source, version + 1), List.of("period"));
    }

    /** A record whose basis date is before this day is past its period on {@code today}. */
    public LocalDate cutoff(LocalDate today) {
        return today.minus(period);
    }

    /** The day a record with this basis date is disposed of. */
    public LocalDate disposalDate(LocalDate basisDate) {
        return basisDate.plus(period).plusDays(1);
    }

    /** The period a PUT asks for, or the field error that says why it cannot be one. */
    public static Optional<FieldError> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(new FieldError("period", "is required, e.g. P6Y"));
        }
        try {
            Period p = Period.parse(text.strip());
            if (p.isNegative() || p.isZero() || p.getYears() < 0 || p.getMonths() < 0 || p.getDays() < 0) {
                return Optional.of(new FieldError("period", "must be a positive ISO-8601 period, e.g. P6Y or P30D"));
            }
            // compared as dates from a fixed day, so P99999D counts too (months alone ignore days)
            LocalDate from = LocalDate.of(2000, 1, 1);
            if (p.toTotalMonths() > MAX.toTotalMonths() || from.plus(p).isAfter(from.plus(MAX))) {
                return Optional.of(new FieldError("period", "at most 100 years"));
            }
            return Optional.empty();
        } catch (java.time.DateTimeException | ArithmeticException e) {
            return Optional.of(new FieldError("period", "must be an ISO-8601 period, e.g. P6Y or P30D"));
        }
    }

    /** A period shorter than the class's statutory or IRMS floor is refused, naming the floor and its source. */
    public static Optional<FieldError> belowFloor(RecordClass recordClass, Period period) {
        LocalDate day = LocalDate.of(2000, 1, 1);
        if (day.plus(period).isBefore(day.plus(recordClass.floor()))) {
            return Optional.of(new FieldError(
                    "period",
                    "must be at least " + recordClass.floor() + " for " + recordClass + " (" + recordClass.floorSource()
                            + ")"));
        }
        return Optional.empty();
    }

    /** Rules that must hold between classes: child-protection concerns are kept at least as long as the others. */
    public static List<FieldError> consistency(Period concern, Period childProtection) {
        LocalDate day = LocalDate.of(2000, 1, 1);
        return day.plus(childProtection).isBefore(day.plus(concern))
                ? List.of(new FieldError("period", "CONCERN_CHILD_PROTECTION must be kept at least as long as CONCERN"))
                : List.of();
    }
}
