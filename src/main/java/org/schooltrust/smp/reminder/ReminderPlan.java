package org.schooltrust.smp.reminder;

import java.time.LocalDate;
import java.util.List;

/** What one run sends: the reminders, and the requirements newly seen overdue (published as requirement.overdue). */
record ReminderPlan(LocalDate day, List<Planned> reminders, List<Candidate> newlyOverdue) {}
