package org.schooltrust.smp.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A concern notice says where it is handled, and where it was raised only when that is the same school. */
class ReminderTextsTest {

    private static ReminderTexts concern(String handling, String raisedAt) {
        return ReminderTexts.of(
                ReminderKind.CONCERN_RAISED,
                "NOW",
                "School B",
                Map.of(
                        "schoolUrn", handling,
                        "raisedAtSchool", raisedAt,
                        "category", "SOCIAL_CONTACT",
                        "urgent", "false",
                        "concernId", "c-1"),
                1);
    }

    @Test
    void aConcernRaisedAtTheHandlingSchoolSaysSo() {
        assertThat(concern("200002", "200002").subject()).isEqualTo("A concern was raised at School B");
    }

    @Test
    void aConcernHandledWhereTheNamedAdultWorksDoesNotClaimItWasRaisedThere() {
        ReminderTexts texts = concern("200002", "200001");
        assertThat(texts.subject())
                .isEqualTo("A concern was raised for School B to handle (at another school of the Trust)");
        assertThat(String.join(" ", texts.paragraphs())).doesNotContain("raised at School B");
    }
}
