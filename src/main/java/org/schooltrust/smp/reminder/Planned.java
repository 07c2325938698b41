package org.schooltrust.smp.reminder;

import org.schooltrust.smp.reminder.ReminderSchedule.Stage;

/** A reminder a run sends: a candidate at its stage. */
record Planned(Candidate candidate, Stage stage) {}
