package org.schooltrust.smp.reminder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.schooltrust.smp.common.error.FieldError;

/**
 * The Trust's closures (school holidays, INSET days), Trust-wide or per school. A reminder falling in a closure moves
 * to the school's next open day, and nothing is sent to a school on a day it is closed.
 */
public record TrustCalendar(List<Closure> closures) {

    /** Longest closure accepted, so "the next open day" is always near. */
    public static final int MAX_CLOSURE_DAYS = 120;

    public static final int MAX_CLOSURES = 2000;

    public TrustCalendar {
        closures = List.copyOf(closures);
    }

    public boolean isClosed(String schoolUrn, LocalDate day) {
        return closures.stream().anyMatch(c -> c.appliesTo(schoolUrn) && c.covers(day));
    }

    /** {@code day} itself when the school is open then, else the first open day after it. */
    public LocalDate nextOpenDay(String schoolUrn, LocalDate day) {
        LocalDate open = day;
        boolean moved = true;
        while (moved) { // each pass jumps past a closure, so this ends within closures.size() passes
            moved = false;
            for (Closure c : closures) {
                if (c.appliesTo(schoolUrn) && c.covers(open)) {
                    open = c.end().plusDays(1);
                    moved = true;
                }
            }
        }
        return open;
    }

    /** What is wrong with these closures (end before start, too long, overlapping within one scope). */
    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        if (closures.size() > MAX_CLOSURES) {
            errors.add(new FieldError("closures", "at most " + MAX_CLOSURES + " closures"));
            return errors;
        }
        for (int i = 0; i < closures.size(); i++) {
            Closure c = closures.get(i);
            if (c.end().isBefore(c.start())) {
                errors.add(new FieldError("closures[" + i + "].endDate", "must not be before startDate"));
            } else if (c.start().plusDays(MAX_CLOSURE_DAYS).isBefore(c.end())) {
                errors.add(new FieldError(
                        "closures[" + i + "].endDate", "a closure lasts at most " + MAX_CLOSURE_DAYS + " days"));
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        for (int i = 0; i < closures.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (closures.get(i).overlaps(closures.get(j))) {
                    errors.add(new FieldError("closures[" + i + "]", "overlaps closures[" + j + "] of the same scope"));
                }
            }
        }
        return errors;
    }
}
