package org.schooltrust.smp.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdultTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-01T00:00:00Z");
    private static final Assignment AT_A = new Assignment("100001", "Teacher", LocalDate.of(2024, 9, 1), null);
    private static final Assignment AT_B = new Assignment("100002", null, LocalDate.of(2025, 1, 6), null);

    private static AdultDetails details(String lastName, boolean active, List<Assignment> assignments) {
        return new AdultDetails(
                "Sam", lastName, "Sam.Smith@School.Example ", AdultCategory.TEACHER, active, assignments);
    }

    @Test
    void sameDetailsChangeNothing() {
        Adult adult = Adult.register("E1", details("Smith", true, List.of(AT_A, AT_B)), AdultSource.HR, T0);
        List<String> changed = adult.update(details("Smith", true, List.of(AT_B, AT_A)), AdultSource.HR, T1);
        assertThat(changed).isEmpty();
        assertThat(adult.version()).isEqualTo(1);
        assertThat(adult.updatedAt()).isEqualTo(T0);
        assertThat(adult.workEmail()).isEqualTo("sam.smith@school.example");
    }

    @Test
    void changesAreNamedAndBumpVersionOnce() {
        Adult adult = Adult.register("E1", details("Smith", true, List.of(AT_A)), AdultSource.MANUAL, T0);
        List<String> changed = adult.update(details("Jones", false, List.of(AT_A, AT_B)), AdultSource.HR, T1);
        assertThat(changed).containsExactly("lastName", "active", "assignments", "source");
        assertThat(adult.version()).isEqualTo(2);
        assertThat(adult.updatedAt()).isEqualTo(T1);
    }

    @Test
    void deactivateOnlyOnce() {
        Adult adult = Adult.register("E1", details("Smith", true, List.of(AT_A)), AdultSource.HR, T0);
        assertThat(adult.deactivate(T1)).isTrue();
        assertThat(adult.active()).isFalse();
        assertThat(adult.deactivate(T1.plusSeconds(1))).isFalse();
        assertThat(adult.version()).isEqualTo(2);
    }

    @Test
    void onlyHrRecordsAreManagedByHr() {
        assertThat(Adult.register("E1", details("S", true, List.of()), AdultSource.HR, T0)
                        .isManagedByHr())
                .isTrue();
        assertThat(Adult.register("V1", details("S", true, List.of()), AdultSource.MANUAL, T0)
                        .isManagedByHr())
                .isFalse();
    }

    @Test
    void assignmentIsCurrentBetweenStartAndEndInclusive() {
        Assignment a = new Assignment("100001", null, LocalDate.of(2024, 9, 1), LocalDate.of(2025, 8, 31));
        assertThat(a.isCurrentOn(LocalDate.of(2024, 8, 31))).isFalse();
        assertThat(a.isCurrentOn(LocalDate.of(2024, 9, 1))).isTrue();
        assertThat(a.isCurrentOn(LocalDate.of(2025, 8, 31))).isTrue();
        assertThat(a.isCurrentOn(LocalDate.of(2025, 9, 1))).isFalse();
    }

    @Test
    void visibilityBySchool() {
        Adult adult = Adult.register("E1", details("S", true, List.of(AT_A)), AdultSource.HR, T0);
        assertThat(adult.isAssignedToAnyOf(List.of("100001", "100009"))).isTrue();
        assertThat(adult.isAssignedToAnyOf(List.of("100002"))).isFalse();
        assertThat(adult.schoolsHolding(Responsibility.HEAD_OF_SCHOOL, LocalDate.of(2025, 1, 1)))
                .isEmpty();
    }
}
