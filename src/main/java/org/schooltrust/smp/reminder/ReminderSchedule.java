package org.schooltrust.smp.reminder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.schooltrust.smp.common.error.FieldError;
import org.schooltrust.smp.common.records.Changed;

/**
 * When one kind of reminder is sent, counted from its anchor date (ADR 0016): {@code daysBefore} it, on it, then
 * {@code afterDays} after it and every {@code repeatEveryDays} from there, at most {@code maxSends} in all. A stage
 * more than {@code expiresAfterDays} past its date is not sent (a record loaded late is not greeted as new).
 */
public record ReminderSchedule(
        ReminderKind kind,
        boolean enabled,
        List<Integer> daysBefore,
        boolean onDueDate,
        Integer afterDays,
        Integer repeatEveryDays,
        int maxSends,
        Integer expiresAfterDays) {

    public static final int MAX_DAYS = 366;
    public static final int MAX_SENDS = 20;

    public ReminderSchedule {
        daysBefore =
                daysBefore.stream().sorted(java.util.Comparator.reverseOrder()).toList();
    }

    /** One reminder's place in the schedule: its stable name, order, and the day it falls due. */
    public record Stage(String name, int ordinal, LocalDate date) {}

    /** The stages for one anchor date, in order, at most {@code maxSends}. */
    public List<Stage> stages(LocalDate anchor) {
        List<Stage> stages = new ArrayList<>();
        for (int days : daysBefore) {
            add(stages, "BEFORE_" + days, anchor.minusDays(days));
        }
        if (onDueDate) {
            add(stages, "ON_DAY", anchor);
        }
        if (afterDays != null) {
            LocalDate day = anchor.plusDays(afterDays);
            for (int k = 1; stages.size() < maxSends; k++) {
                add(stages, "AFTER_" + k, day);
                if (repeatEveryDays == null) {
                    break;
                }
                day = day.plusDays(repeatEveryDays);
            }
        }
        return stages.size() > maxSends ? List.copyOf(stages.subList(0, maxSends)) : stages;
    }

    /**
     * The stage to send today about one subject, if any (ADR 0016): the latest stage whose day — moved past closures
     * to the school's next open day — has come, unless it was sent, the schedule's sends are used up, a reminder went
     * since that day, or it expired. Never an earlier stage after a later one; nothing on a closed day.
     */
    public java.util.Optional<Stage> stageDue(
            LocalDate anchor, String schoolUrn, TrustCalendar calendar, SendHistory history, LocalDate today) {
        if (!enabled || calendar.isClosed(schoolUrn, today) || history.count() >= maxSends) {
            return java.util.Optional.empty();
        }
        Stage latest = null;
        LocalDate latestDay = null;
        for (Stage stage : stages(anchor)) {
            LocalDate day = calendar.nextOpenDay(schoolUrn, stage.date());
            if (!day.isAfter(today)) {
                latest = stage;
                latestDay = day;
            }
        }
        if (latest == null
                || history.stages().contains(latest.name())
                || (history.lastSentOn() != null && !history.lastSentOn().isBefore(latestDay))
                || (expiresAfterDays != null && today.isAfter(latest.date().plusDays(expiresAfterDays)))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(latest);
    }

    private static void add(List<Stage> stages, String name, LocalDate date) {
        stages.add(new Stage(name, stages.size(), date));
    }

    /** This schedule replaced by {@code next}: the fields that differ (none: nothing to write or audit). */
    public Changed<ReminderSchedule> replacedBy(ReminderSchedule next) {
        List<String> fields = new ArrayList<>();
        if (enabled != next.enabled) {
            fields.add("enabled");
        }
        if (!daysBefore.equals(next.daysBefore)) {
            fields.add("daysBefore");
        }
        if (onDueDate != next.onDueDate) {
            fields.add("onDueDate");
        }
        if (!java.util.Objects.equals(afterDays, next.afterDays)) {
            fields.add("afterDays");
        }
        if (!java.util.Objects.equals(repeatEveryDays, next.repeatEveryDays)) {
            fields.add("repeatEveryDays");
        }
        if (maxSends != next.maxSends) {
            fields.add("maxSends");
        }
        if (!java.util.Objects.equals(expiresAfterDays, next.expiresAfterDays)) {
            fields.add("expiresAfterDays");
        }
        return new Changed<>(next, fields);
    }

    /** What is wrong with this schedule, as field errors (empty when it is valid). */
    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        if (daysBefore.size() > 10) {
            errors.add(new FieldError("daysBefore", "at most 10 values"));
        }
        Set<Integer> seen = new HashSet<>();
        for (Integer days : daysBefore) {
            if (days == null || days < 1 || days > MAX_DAYS) {
                errors.add(new FieldError("daysBefore", "every value must be from 1 to " + MAX_DAYS));
                break;
            }
            if (!seen.add(days)) {
                errors.add(new FieldError("daysBefore", "values must be distinct (" + days + " twice)"));
                break;
            }
        }
        if (!daysBefore.isEmpty() && !kind.remindsAhead()) {
            errors.add(new FieldError("daysBefore", "must be empty: " + kind + " has nothing to remind of ahead"));
        }
        range(errors, "afterDays", afterDays);
        range(errors, "repeatEveryDays", repeatEveryDays);
        range(errors, "expiresAfterDays", expiresAfterDays);
        if (repeatEveryDays != null && afterDays == null) {
            errors.add(new FieldError("repeatEveryDays", "needs afterDays: repeats count from the first send after"));
        }
        if (maxSends < 1 || maxSends > MAX_SENDS) {
            errors.add(new FieldError("maxSends", "must be from 1 to " + MAX_SENDS));
        }
        if (enabled && daysBefore.isEmpty() && !onDueDate && afterDays == null) {
            errors.add(
                    new FieldError("enabled", "an enabled schedule needs a stage: daysBefore, onDueDate or afterDays"));
        }
        return errors;
    }

    private static void range(List<FieldError> errors, String field, Integer value) {
        if (value != null && (value < 1 || value > MAX_DAYS)) {
            errors.add(new FieldError(field, "must be from 1 to " + MAX_DAYS));
        }
    }
}
