package org.schooltrust.smp.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.common.error.ConflictException;
import org.schooltrust.smp.staff.AdultCategory;

class PolicyVersionTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final Policy policy = Policy.create("p", "P", T0);

    private static VersionContent content(String body, boolean material, List<Clause> clauses) {
        return new VersionContent(
                body,
                clauses,
                List.of(new Statement("READ", "I read it")),
                material,
                false,
                List.of("100001"),
                EnumSet.of(AdultCategory.TEACHER),
                List.of(),
                28,
                14);
    }

    private PolicyVersion draft(String label, boolean material) {
        return PolicyVersion.draft(policy, label, content("body " + label, material, List.of()), T0);
    }

    @Test
    void draftCanBeEditedAndHashFollowsTheBody() {
        PolicyVersion v = draft("1.0", true);
        String before = v.bodySha256();
        assertThat(v.edit(content("new body", true, List.of()), T0)).containsExactly("body");
        assertThat(v.bodySha256())
                .isNotEqualTo(before)
                .isEqualTo(PolicyVersion.sha256("new body"))
                .hasSize(64);
        assertThat(v.edit(content("new body", true, List.of()), T0)).isEmpty();
    }

    @Test
    void publishedVersionNeverChanges() {
        PolicyVersion v = draft("1.0", true);
        v.publish(Optional.empty(), T0);
        assertThat(v.status()).isEqualTo(VersionStatus.PUBLISHED);
        assertThat(v.isCurrent()).isTrue();
        assertThatThrownBy(() -> v.edit(content("x", true, List.of()), T0)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> v.publish(Optional.empty(), T0)).isInstanceOf(ConflictException.class);
    }

    @Test
    void publishingSupersedesTheCurrentVersion() {
        PolicyVersion first = draft("1.0", true);
        first.publish(Optional.empty(), T0);
        PolicyVersion second = draft("2.0", true);
        second.publish(Optional.of(first), T0.plusSeconds(60));
        assertThat(first.status()).isEqualTo(VersionStatus.SUPERSEDED);
        assertThat(first.endedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(second.status()).isEqualTo(VersionStatus.PUBLISHED);
        assertThatThrownBy(() -> first.retire(T0)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> first.edit(content("x", true, List.of()), T0)).isInstanceOf(ConflictException.class);
    }

    @Test
    void retireOnlyThePublishedVersion() {
        PolicyVersion d = draft("1.0", true);
        assertThatThrownBy(() -> d.retire(T0)).isInstanceOf(ConflictException.class);
        d.publish(Optional.empty(), T0);
        d.retire(T0);
        assertThat(d.status()).isEqualTo(VersionStatus.RETIRED);
        assertThat(d.isCurrent()).isFalse();
        assertThatThrownBy(() -> d.retire(T0)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> d.publish(Optional.empty(), T0)).isInstanceOf(ConflictException.class);
    }

    @Test
    void nonMaterialVersionCarriesTheBasisForwardMaterialOneStartsAfresh() {
        PolicyVersion first = draft("1.0", true);
        first.publish(Optional.empty(), T0);
        assertThat(first.basisId()).isEqualTo(first.id());
        PolicyVersion typo = draft("1.1", false);
        typo.publish(Optional.of(first), T0);
        assertThat(typo.basisId()).isEqualTo(first.id());
        PolicyVersion another = draft("1.2", false);
        another.publish(Optional.of(typo), T0);
        assertThat(another.basisId()).isEqualTo(first.id());
        PolicyVersion rewrite = draft("2.0", true);
        rewrite.publish(Optional.of(another), T0);
        assertThat(rewrite.basisId()).isEqualTo(rewrite.id());
        PolicyVersion firstEver = draft("x", false);
        firstEver.publish(Optional.empty(), T0);
        assertThat(firstEver.basisId()).isEqualTo(firstEver.id());
    }

    @Test
    void coverageAudienceAndStatements() {
        PolicyVersion v = draft("1.0", true);
        assertThat(v.covers("100001")).isTrue();
        assertThat(v.covers("100002")).isFalse();
        assertThat(v.appliesTo(AdultCategory.TEACHER)).isTrue();
        assertThat(v.appliesTo(AdultCategory.GOVERNOR)).isFalse();
        assertThat(v.missingStatements(List.of())).containsExactly("READ");
        assertThat(v.missingStatements(List.of("READ", "EXTRA"))).isEmpty();
        assertThat(v.hasBody(v.bodySha256().toUpperCase())).isTrue();
        assertThat(v.hasBody("0".repeat(64))).isFalse();
    }

    @Test
    void clauseDiffListsAddedRemovedAndChanged() {
        PolicyVersion from = PolicyVersion.draft(
                policy,
                "1.0",
                content(
                        "b",
                        true,
                        List.of(
                                new Clause("1.1", "A", "same"),
                                new Clause("1.2", "A", "old"),
                                new Clause("1.3", "A", "gone"))),
                T0);
        PolicyVersion to = PolicyVersion.draft(
                policy,
                "2.0",
                content(
                        "c",
                        true,
                        List.of(
                                new Clause("1.1", "A", "same"),
                                new Clause("1.2", "A", "new"),
                                new Clause("1.4", "A", "added"))),
                T0);
        ClauseDiff diff = to.diffFrom(from);
        assertThat(diff.added()).extracting(Clause::number).containsExactly("1.4");
        assertThat(diff.removed()).extracting(Clause::number).containsExactly("1.3");
        assertThat(diff.changed()).singleElement().satisfies(c -> {
            assertThat(c.number()).isEqualTo("1.2");
            assertThat(c.before().text()).isEqualTo("old");
            assertThat(c.after().text()).isEqualTo("new");
        });
    }
}
