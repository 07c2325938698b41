package org.schooltrust.smp.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClauseSplitterTest {

    private final List<Clause> clauses = ClauseSplitter.split(SeedPolicy.text());
    private final Map<String, Clause> byNumber = clauses.stream().collect(Collectors.toMap(Clause::number, c -> c));

    @Test
    void everyClauseOfTheRealPolicyFrom1_1To11_3IsPresentInOrder() {
        int[] clausesPerSection = {0, 4, 4, 5, 0, 2, 24, 4, 2, 5, 6, 3};
        List<String> expected = new ArrayList<>();
        for (int section = 1; section <= 11; section++) {
            for (int n = 1; n <= clausesPerSection[section]; n++) {
                expected.add(section + "." + n);
            }
        }
        assertThat(clauses).extracting(Clause::number).containsExactlyElementsOf(expected);
    }

    @Test
    void clauseTextIsIntactWithLineBreaksCollapsed() {
        Clause c67 = byNumber.get("6.7");
        assertThat(c67.heading()).isEqualTo("Responsibilities when using social media");
        assertThat(c67.text()).startsWith("Adults must never “follow” or allow themselves to be “followed”");
        assertThat(c67.text()).doesNotContain("\n").doesNotContain("  ");
        assertThat(byNumber.get("1.2").text())
                .startsWith("This policy is designed to ensure that all adults use social media responsibly in order to"
                        + " safeguard the school")
                .endsWith("the reputation and integrity of the school and the Trust are protected.");
        assertThat(byNumber.get("8.1").text()).contains("strong pedagogical or business reason");
        assertThat(byNumber.get("11.3").text()).startsWith("Adults must be aware that any breach of this policy");
        assertThat(byNumber.get("7.1").heading()).isEqualTo("Access to inappropriate images");
    }

    @Test
    void wrappedLinesStartingWithNumbersAreNotNewClauses() {
        String body =
                "1. Intro\n1.1 First clause that mentions\n2015 guidance and\n3.3 of another policy\n1.2 Second\n";
        assertThat(ClauseSplitter.split(body))
                .containsExactly(
                        new Clause(
                                "1.1", "Intro", "First clause that mentions 2015 guidance and 3.3 of another policy"),
                        new Clause("1.2", "Intro", "Second"));
    }
}
