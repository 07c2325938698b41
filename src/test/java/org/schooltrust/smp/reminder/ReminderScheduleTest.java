package org.schooltrust.smp.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.common.error.FieldError;
import org.schooltrust.smp.reminder.ReminderSchedule.Stage;

/** The schedule's rules as plain unit tests: its stages, which one is due, and what makes it invalid. */
class ReminderScheduleTest {

    private static final LocalDate DUE = LocalDate.of(2027, 3, 10);
    private static final String SCHOOL = "100001";
    private static final TrustCalendar OPEN = new TrustCalendar(List.of());

    private static ReminderSchedule acknowledgement() {
        return new ReminderSchedule(ReminderKind.POLICY_ACKNOWLEDGEMENT, true, List.of(1, 7), true, 3, 3, 5, null);
    }

    @Test
    void stagesRunBeforeOnAndAfterTheDueDateUpToTheMaximum() {
        assertThat(acknowledgement().stages(DUE))
                .extracting(Stage::name, Stage::date)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("BEFORE_7", DUE.minusDays(7)),
                        org.assertj.core.groups.Tuple.tuple("BEFORE_1", DUE.minusDays(1)),
                        org.assertj.core.groups.Tuple.tuple("ON_DAY", DUE),
                        org.assertj.core.groups.Tuple.tuple("AFTER_1", DUE.plusDays(3)),
                        org.assertj.core.groups.Tuple.tuple("AFTER_2", DUE.plusDays(6)));
    }

    @Test
    void theLatestStageWhoseDayHasComeIsDueOnceAndNeverAnEarlierOneAfterIt() {
        ReminderSchedule s = acknowledgement();
        assertThat(s.stageDue(DUE, SCHOOL, OPEN, SendHistory.NONE, DUE.minusDays(8)))
                .isEmpty();
        assertThat(s.stageDue(DUE, SCHOOL, OPEN, SendHistory.NONE, DUE.minusDays(7)))
                .map(Stage::name)
                .contains("BEFORE_7");
        // a run that missed days sends only the latest stage
        assertThat(s.stageDue(DUE, SCHOOL, OPEN, SendHistory.NONE, DUE.plusDays(4)))
                .map(Stage::name)
                .contains("AFTER_1");
        SendHistory sentBefore7 = new SendHistory(1, DUE.minusDays(7), Set.of("BEFORE_7"));
        assertThat(s.stageDue(DUE, SCHOOL, OPEN, sentBefore7, DUE.minusDays(5))).isEmpty();
        assertThat(s.stageDue(DUE, SCHOOL, OPEN, sentBefore7, DUE.minusDays(1)))
                .map(Stage::name)
                .contains("BEFORE_1");
        SendHistory five = new SendHistory(5, DUE.plusDays(6), Set.of("AFTER_2"));
        assertThat(s.stageDue(DUE, SCHOOL, OPEN, five, DUE.plusDays(30))).isEmpty();
    }

    @Test
    void aClosureMovesAStageToTheNextOpenDayAndNothingGoesOnAClosedDay() {
        TrustCalendar closed = new TrustCalendar(List.of(
                new Closure(null, DUE.minusDays(2), DUE.minusDays(1), "Trust INSET"),
                new Closure(SCHOOL, DUE, DUE.plusDays(1), "Snow")));
        assertThat(closed.nextOpenDay(SCHOOL, DUE.minusDays(1))).isEqualTo(DUE.plusDays(2));
        assertThat(closed.nextOpenDay("100002", DUE.minusDays(1))).isEqualTo(DUE);
        ReminderSchedule s = acknowledgement();
        assertThat(s.stageDue(DUE, SCHOOL, closed, SendHistory.NONE, DUE)).isEmpty();
        SendHistory sentBefore7 = new SendHistory(1, DUE.minusDays(7), Set.of("BEFORE_7"));
        // BEFORE_1 and ON_DAY both moved to DUE+2: one reminder, the later stage
        assertThat(s.stageDue(DUE, SCHOOL, closed, sentBefore7, DUE.plusDays(2)))
                .map(Stage::name)
                .contains("ON_DAY");
    }

    @Test
    void anExpiredStageIsNotSent() {
        ReminderSchedule welcome =
                new ReminderSchedule(ReminderKind.JOINER_WELCOME, true, List.of(), true, null, null, 1, 14);
        assertThat(welcome.stageDue(DUE, SCHOOL, OPEN, SendHistory.NONE, DUE.plusDays(14)))
                .isPresent();
        assertThat(welcome.stageDue(DUE, SCHOOL, OPEN, SendHistory.NONE, DUE.plusDays(15)))
                .isEmpty();
    }

    @Test
    void aDisabledScheduleSendsNothing() {
        ReminderSchedule off =
                new ReminderSchedule(ReminderKind.POLICY_ACKNOWLEDGEMENT, false, List.of(7), true, 3, 3, 5, null);
        assertThat(off.stageDue(DUE, SCHOOL, OPEN, SendHistory.NONE, DUE)).isEmpty();
    }

    @Test
    void badSchedulesNameTheirFields() {
        assertThat(fields(new ReminderSchedule(
                        ReminderKind.POLICY_ACKNOWLEDGEMENT, true, List.of(-1), true, 3, 3, 5, null)))
                .contains("daysBefore");
        assertThat(fields(new ReminderSchedule(
                        ReminderKind.POLICY_ACKNOWLEDGEMENT, true, List.of(7, 7), true, 3, 3, 5, null)))
                .contains("daysBefore");
        assertThat(fields(new ReminderSchedule(
                        ReminderKind.POLICY_ACKNOWLEDGEMENT, true, List.of(), true, 3, 3, 0, null)))
                .contains("maxSends");
        assertThat(fields(new ReminderSchedule(
                        ReminderKind.POLICY_ACKNOWLEDGEMENT, true, List.of(), true, null, 3, 5, null)))
                .contains("repeatEveryDays");
        assertThat(fields(new ReminderSchedule(
                        ReminderKind.OVERDUE_ESCALATION, true, List.of(2), false, 3, null, 1, null)))
                .contains("daysBefore");
        assertThat(fields(new ReminderSchedule(
                        ReminderKind.OVERDUE_ESCALATION, true, List.of(), false, null, null, 1, null)))
                .contains("enabled");
        assertThat(fields(new ReminderSchedule(
                        ReminderKind.POLICY_ACKNOWLEDGEMENT, true, List.of(), true, 0, null, 1, null)))
                .contains("afterDays");
        assertThat(acknowledgement().problems()).isEmpty();
    }

    @Test
    void closuresEndingBeforeTheyStartOrOverlappingInOneScopeAreRefused() {
        assertThat(new TrustCalendar(List.of(new Closure(SCHOOL, DUE, DUE.minusDays(1), "x"))).problems())
                .extracting(FieldError::field)
                .containsExactly("closures[0].endDate");
        assertThat(new TrustCalendar(List.of(
                                new Closure(SCHOOL, DUE, DUE.plusDays(3), "a"),
                                new Closure(SCHOOL, DUE.plusDays(3), DUE.plusDays(5), "b")))
                        .problems())
                .extracting(FieldError::field)
                .containsExactly("closures[1]");
        // a school's closure may overlap a Trust-wide one
        assertThat(new TrustCalendar(List.of(
                                new Closure(null, DUE, DUE.plusDays(3), "a"),
                                new Closure(SCHOOL, DUE.plusDays(1), DUE.plusDays(5), "b")))
                        .problems())
                .isEmpty();
    }

    private static List<String> fields(ReminderSchedule s) {
        return s.problems().stream().map(FieldError::field).toList();
    }

    @Test
    void aReplacedScheduleNamesTheFieldsThatDiffer() {
        ReminderSchedule before = acknowledgement();
        assertThat(before.replacedBy(acknowledgement()).any()).isFalse();
        ReminderSchedule after =
                new ReminderSchedule(ReminderKind.POLICY_ACKNOWLEDGEMENT, false, List.of(7), true, 3, 3, 6, null);
        assertThat(before.replacedBy(after).fields()).containsExactly("enabled", "daysBefore", "maxSends");
        assertThat(before.replacedBy(after).next()).isSameAs(after);
    }
}
