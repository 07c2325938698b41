package org.schooltrust.smp.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.common.security.VerifiedTokenCache.Outcome;
import org.schooltrust.smp.common.security.VerifiedTokenCache.Verified;

/** The cache's rules, with no framework: lifetimes, the re-check of exp and nbf, a full cache, keys, leavers. */
class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-12-08T09:00:00Z");
    private static final StaffKey ADA = new StaffKey(StaffKey.Kind.HR_ID, "E1");

    private final VerifiedTokenCache<String> cache =
            new VerifiedTokenCache<>(3, Duration.ofSeconds(60), Duration.ofSeconds(5));

    private static Verified<String> token(String value, Instant exp, String kid, StaffKey adult) {
        return new Verified<>(value, exp, NOW.minusSeconds(10), kid, adult);
    }

    @Test
    void anEntryLivesAtMostSixtySecondsAndNeverPastExpiryLessSkew() {
        assertThat(cache.remember("a", token("A", NOW.plusSeconds(3600), "k1", ADA), NOW))
                .isTrue();
        assertThat(cache.find("a", NOW.plusSeconds(59)).outcome()).isEqualTo(Outcome.HIT);
        assertThat(cache.find("a", NOW.plusSeconds(60)).outcome()).isEqualTo(Outcome.MISS);
        assertThat(cache.size()).isZero();

        assertThat(cache.remember("b", token("B", NOW.plusSeconds(20), "k1", ADA), NOW))
                .isTrue();
        assertThat(cache.find("b", NOW.plusSeconds(14)).outcome()).isEqualTo(Outcome.HIT);
        assertThat(cache.find("b", NOW.plusSeconds(15)).outcome()).isEqualTo(Outcome.MISS);
    }

    @Test
    void aTokenThatWouldLiveNoTimeIsNotKept() {
        assertThat(cache.remember("a", token("A", NOW.plusSeconds(5), "k1", ADA), NOW))
                .isFalse();
        assertThat(cache.find("a", NOW).outcome()).isEqualTo(Outcome.MISS);
    }

    @Test
    void everyHitRechecksExpiryAndNotBefore() {
        VerifiedTokenCache<String> noSkew = new VerifiedTokenCache<>(3, Duration.ofSeconds(60), Duration.ZERO);
        noSkew.remember("a", token("A", NOW.plusSeconds(10), "k1", ADA), NOW);
        assertThat(noSkew.find("a", NOW.plusSeconds(10)).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(noSkew.size()).isZero();

        noSkew.remember("b", new Verified<>("B", NOW.plusSeconds(30), NOW.plusSeconds(1), "k1", ADA), NOW);
        assertThat(noSkew.find("b", NOW).outcome()).as("a clock that went back").isEqualTo(Outcome.REFUSED);
    }

    @Test
    void aFullCacheVerifiesWithoutStoringAndNeverClearsEverything() {
        for (String hash : List.of("a", "b", "c")) {
            assertThat(cache.remember(hash, token(hash, NOW.plusSeconds(3600), "k1", null), NOW))
                    .isTrue();
        }
        assertThat(cache.remember("d", token("d", NOW.plusSeconds(3600), "k1", null), NOW))
                .isFalse();
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.find("a", NOW).outcome()).isEqualTo(Outcome.HIT);

        // once entries have lived their time, the sweep makes room
        assertThat(cache.remember("d", token("d", NOW.plusSeconds(3600), "k1", null), NOW.plusSeconds(61)))
                .isTrue();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aNewSigningKeyEmptiesTheCache() {
        cache.remember("a", token("A", NOW.plusSeconds(3600), "k1", null), NOW);
        cache.remember("b", token("B", NOW.plusSeconds(3600), "k1", null), NOW);
        cache.remember("c", token("C", NOW.plusSeconds(3600), "k2", null), NOW);
        assertThat(cache.find("a", NOW).outcome()).isEqualTo(Outcome.MISS);
        assertThat(cache.find("c", NOW).outcome()).isEqualTo(Outcome.HIT);
        // a key already seen changes nothing
        cache.remember("a", token("A", NOW.plusSeconds(3600), "k1", null), NOW);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aDeactivatedAdultsEntriesGo() {
        StaffKey bob = new StaffKey(StaffKey.Kind.EMAIL, "bob@school.example");
        cache.remember("a", token("A", NOW.plusSeconds(3600), "k1", ADA), NOW);
        cache.remember("b", token("B", NOW.plusSeconds(3600), "k1", bob), NOW);
        cache.remember("c", token("C", NOW.plusSeconds(3600), "k1", null), NOW);
        assertThat(cache.forget(List.of(ADA))).isEqualTo(1);
        assertThat(cache.find("a", NOW).outcome()).isEqualTo(Outcome.MISS);
        assertThat(cache.find("b", NOW).outcome()).isEqualTo(Outcome.HIT);
        assertThat(cache.find("c", NOW).outcome()).isEqualTo(Outcome.HIT);
    }
}
