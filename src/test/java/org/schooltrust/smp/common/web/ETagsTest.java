package org.schooltrust.smp.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.schooltrust.smp.common.error.PreconditionFailedException;
import org.schooltrust.smp.common.error.PreconditionRequiredException;

class ETagsTest {

    @Test
    void ifMatchUsesStrongComparison() {
        assertThat(ETags.matches("\"3\"", 3L, true)).isTrue();
        assertThat(ETags.matches("\"1\", \"3\"", 3L, true)).isTrue();
        assertThat(ETags.matches("W/\"3\"", 3L, true))
                .as("RFC 9110: a weak tag never matches If-Match")
                .isFalse();
        assertThat(ETags.matches("3", 3L, true))
                .as("an unquoted value is not an entity tag")
                .isFalse();
        assertThat(ETags.matches("\"4\"", 3L, true)).isFalse();
        assertThat(ETags.matches("*", 3L, true)).isTrue();
        assertThat(ETags.matches("*", null, true)).isFalse();
    }

    @Test
    void optionalAndRequiredChecks() {
        assertThatCode(() -> ETags.checkIfPresent(null, 3L)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.checkIfPresent("*", 3L)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ETags.checkIfPresent("\"2\"", 3L)).isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> ETags.checkIfPresent("W/\"3\"", 3L)).isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> ETags.checkRequired(null, 3L)).isInstanceOf(PreconditionRequiredException.class);
        assertThatThrownBy(() -> ETags.checkRequired("\"2\"", 3L)).isInstanceOf(PreconditionFailedException.class);
        assertThatCode(() -> ETags.checkRequired("\"3\"", 3L)).doesNotThrowAnyException();
    }

    @Test
    void aPersonsTransitionMustNameTheVersionTheyReviewed() {
        assertThatThrownBy(() -> ETags.checkRequired("W/\"3\"", 3L)).isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> ETags.checkRequired("*", 3L)).isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void ifNoneMatchUsesWeakComparison() {
        assertThat(ETags.noneMatchHits("\"abc\"", "abc")).isTrue();
        assertThat(ETags.noneMatchHits("\"x\", W/\"abc\"", "abc")).isTrue();
        assertThat(ETags.noneMatchHits("*", "abc")).isTrue();
        assertThat(ETags.noneMatchHits("\"x\"", "abc")).isFalse();
        assertThat(ETags.noneMatchHits(null, "abc")).isFalse();
    }
}
