package org.schooltrust.smp.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.db.Versions;
import org.schooltrust.smp.common.error.FieldError;
import org.schooltrust.smp.common.error.ValidationFailedException;
import org.schooltrust.smp.common.records.Changed;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.common.web.ETags;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.reminder.ReminderInputs.CalendarInput;
import org.schooltrust.smp.reminder.ReminderInputs.ClosureInput;
import org.schooltrust.smp.reminder.ReminderInputs.ScheduleInput;
import org.schooltrust.smp.reminder.ReminderViews.CalendarView;
import org.schooltrust.smp.reminder.ReminderViews.ClosureView;
import org.schooltrust.smp.reminder.ReminderViews.ScheduleView;

/** Reminder schedules and the Trust calendar: data the Trust sets (trust-admin), audited like every change. */
@ApplicationScoped
public class ReminderSettings {

    @Inject
    ReminderStore store;

    @Inject
    ChangeLog changes;

    @Inject
    TimeSource time;

    @Inject
    Caller caller;

    public List<ScheduleView> schedules() {
        return store.schedules().values().stream().map(ScheduleView::of).toList();
    }

    public Versioned<ScheduleView> schedule(String kindName) {
        ReminderKind kind = kind(kindName);
        return store.schedule(kind).map(ScheduleView::of);
    }

    @Transactional
    public Versioned<ScheduleView> replaceSchedule(String kindName, ScheduleInput input, String ifMatch) {
        ReminderKind kind = kind(kindName);
        ReminderSchedule schedule = input.toSchedule(kind);
        List<FieldError> problems = schedule.problems();
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        Versioned<ReminderSchedule> stored = store.schedule(kind);
        long version = stored.version();
        ETags.checkIfPresent(ifMatch, version);
        Changed<ReminderSchedule> changed = stored.body().replacedBy(schedule);
        Versions.require(store.saveSchedule(schedule, version, time.now()), "schedule");
        changes.record(new AuditEntry(
                ReminderAction.SCHEDULE_UPDATED, "reminder-schedule", kind.name(), null, changed.fields()));
        return Versioned.existing(ScheduleView.of(schedule), version + 1);
    }

    /** The calendar a caller may see: the whole of it for trust-admin; Trust-wide and own schools' for a Head. */
    public Versioned<CalendarView> calendar() {
        Set<String> schools = caller.has(Role.TRUST_ADMIN) ? null : caller.headedSchools();
        List<ClosureView> shown = store.calendar().closures().stream()
                .filter(c -> schools == null || c.schoolUrn() == null || schools.contains(c.schoolUrn()))
                .map(ClosureView::of)
                .toList();
        return Versioned.existing(new CalendarView(shown), store.calendarVersion());
    }

    @Transactional
    public Versioned<CalendarView> replaceCalendar(CalendarInput input, String ifMatch) {
        TrustCalendar calendar = new TrustCalendar(
                input.closures().stream().map(ClosureInput::toClosure).toList());
        List<FieldError> problems = new ArrayList<>(calendar.problems());
        Set<String> named = calendar.closures().stream()
                .map(Closure::schoolUrn)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>(named);
        unknown.removeAll(store.existingSchools(named));
        for (int i = 0; i < calendar.closures().size(); i++) {
            String urn = calendar.closures().get(i).schoolUrn();
            if (urn != null && unknown.contains(urn)) {
                problems.add(new FieldError("closures[" + i + "].schoolUrn", "no such school"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        long version = store.calendarVersion();
        ETags.checkIfPresent(ifMatch, version);
        Versions.require(store.saveCalendar(calendar, version, time.now()), "calendar");
        changes.record(new AuditEntry(ReminderAction.CALENDAR_UPDATED, "calendar", "trust", null, List.of("closures")));
        return Versioned.existing(
                new CalendarView(
                        calendar.closures().stream().map(ClosureView::of).toList()),
                version + 1);
    }

    static ReminderKind kind(String name) {
        return Arrays.stream(ReminderKind.values())
                .filter(k -> k.scheduled() && k.name().equals(name))
                .findFirst()
                .orElseThrow(() -> ValidationFailedException.of(
                        "kind",
                        "must be one of "
                                + Arrays.stream(ReminderKind.values())
                                        .filter(ReminderKind::scheduled)
                                        .map(Enum::name)
                                        .toList()));
    }
}
