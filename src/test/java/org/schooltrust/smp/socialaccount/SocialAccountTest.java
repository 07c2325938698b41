package org.schooltrust.smp.socialaccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.common.error.ConflictException;
import org.schooltrust.smp.common.error.ValidationFailedException;
import org.schooltrust.smp.socialaccount.Canonicalizer.Canonical;

/** The account's state machine, with no Quarkus: every legal transition, and every illegal one refused. */
class SocialAccountTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant T1 = T0.plusSeconds(3600);
    private static final Instant T2 = T1.plusSeconds(3600);
    private static final LocalDate TODAY = LocalDate.parse("2026-03-02");
    private static final UUID ADMIN_1 = UUID.randomUUID();
    private static final UUID ADMIN_2 = UUID.randomUUID();
    private static final String REASON = "Weekly class news and photos for parents, agreed with the parent council.";
    private static final Canonical HANDLE =
            Canonicalizer.fromHandle(Platform.X, "@StJamesPrimary").orElseThrow();

    private static SocialAccount proposed() {
        return SocialAccount.propose(
                "100001",
                HANDLE,
                Purpose.PEDAGOGICAL,
                REASON,
                List.of(ADMIN_1, ADMIN_2),
                new SocialAccount.Proposer("staff-1", ADMIN_1),
                T0);
    }

    private static SocialAccount approved() {
        SocialAccount a = proposed();
        a.approve(TODAY.plusMonths(12), TODAY, T0);
        return a;
    }

    private static SocialAccount active() {
        SocialAccount a = approved();
        a.confirmLive(Canonicalizer.fromUrl("https://twitter.com/StJamesPrimary"), T0);
        return a;
    }

    private static SocialAccount suspended() {
        SocialAccount a = active();
        a.suspend("Password compromised; under investigation.", T0);
        return a;
    }

    private static SocialAccount rejected() {
        SocialAccount a = proposed();
        a.reject("Use the school website instead.", T0);
        return a;
    }

    private static SocialAccount retired() {
        SocialAccount a = active();
        a.retire("No longer used.", T0);
        return a;
    }

    @Test
    void aProposalHoldsTheCanonicalHandleAndIsNotOnTheRegister() {
        SocialAccount a = proposed();
        assertThat(a.status()).isEqualTo(AccountStatus.PROPOSED);
        assertThat(a.handle()).isEqualTo("stjamesprimary");
        assertThat(a.canonicalUrl()).isEqualTo("https://x.com/stjamesprimary");
        assertThat(a.administratorIds()).containsExactly(ADMIN_1, ADMIN_2);
        assertThat(a.isOnRegister()).isFalse();
        assertThat(a.registerUpdatedAt()).isNull();
        assertThat(a.isAdministeredBy(ADMIN_2)).isTrue();
        assertThat(a.isAdministeredBy(UUID.randomUUID())).isFalse();
    }

    @Test
    void aProposalNeedsAReasonOfFiftyCharactersAndTwoDifferentAdministrators() {
        assertThatThrownBy(() -> SocialAccount.propose(
                        "100001",
                        HANDLE,
                        Purpose.BUSINESS,
                        "  Too short, though padded" + " ".repeat(40),
                        List.of(ADMIN_1, ADMIN_2),
                        new SocialAccount.Proposer("s", null),
                        T0))
                .isInstanceOf(ValidationFailedException.class)
                .satisfies(e -> assertThat(
                                ((ValidationFailedException) e).errors().get(0).field())
                        .isEqualTo("reason"));
        assertThatThrownBy(() -> SocialAccount.propose(
                        "100001",
                        HANDLE,
                        Purpose.BUSINESS,
                        REASON,
                        List.of(ADMIN_1, ADMIN_1),
                        new SocialAccount.Proposer("s", null),
                        T0))
                .isInstanceOf(ValidationFailedException.class)
                .satisfies(e -> assertThat(
                                ((ValidationFailedException) e).errors().get(0).field())
                        .isEqualTo("administrators"));
    }

    @Test
    void approveSetsTheReviewDateAndRefusesDatesNotInTheComingThreeYears() {
        SocialAccount a = proposed();
        assertThatThrownBy(() -> a.approve(TODAY, TODAY, T1)).isInstanceOf(ValidationFailedException.class);
        assertThatThrownBy(() -> a.approve(TODAY.plusYears(3).plusDays(1), TODAY, T1))
                .isInstanceOf(ValidationFailedException.class);
        assertThat(a.status()).isEqualTo(AccountStatus.PROPOSED);
        assertThat(a.approve(SocialAccount.defaultReviewDue(TODAY), TODAY, T1))
                .containsExactly("status", "approvedAt", "reviewDue");
        assertThat(a.status()).isEqualTo(AccountStatus.APPROVED);
        assertThat(a.approvedAt()).isEqualTo(T1);
        assertThat(a.reviewDue()).isEqualTo(LocalDate.parse("2027-03-02"));
        assertThat(a.isOnRegister()).isFalse();
    }

    @Test
    void rejectNeedsAReason() {
        SocialAccount a = proposed();
        assertThatThrownBy(() -> a.reject("  ", T1)).isInstanceOf(ValidationFailedException.class);
        assertThat(a.reject(" Use the school website. ", T1)).contains("status", "rejectionReason");
        assertThat(a.status()).isEqualTo(AccountStatus.REJECTED);
        assertThat(a.rejectionReason()).isEqualTo("Use the school website.");
        assertThat(a.status().holdsHandle()).isFalse();
    }

    @Test
    void confirmLiveNeedsTheApprovedPlatformAndHandleAfterCanonicalisation() {
        SocialAccount a = approved();
        for (String wrong : List.of(
                "https://x.com/StJamesPrimary1",
                "https://x.com.evil.example/StJamesPrimary",
                "https://www.instagram.com/stjamesprimary",
                "https://x.com/StJamesPrimary/status/1")) {
            assertThatThrownBy(() -> a.confirmLive(Canonicalizer.fromUrl(wrong), T1))
                    .as(wrong)
                    .isInstanceOf(ValidationFailedException.class);
        }
        assertThat(a.status()).isEqualTo(AccountStatus.APPROVED);
        assertThat(a.confirmLive(Canonicalizer.fromUrl("https://mobile.twitter.com/STJAMESPRIMARY/?s=20"), T1))
                .containsExactly("status", "liveSince");
        assertThat(a.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(a.isOnRegister()).isTrue();
        assertThat(a.liveSince()).isEqualTo(T1);
        assertThat(a.registerUpdatedAt()).isEqualTo(T1);
    }

    @Test
    void suspendAndReinstateMoveTheAccountOffAndBackOnTheRegister() {
        SocialAccount a = active();
        assertThatThrownBy(() -> a.suspend("", T1)).isInstanceOf(ValidationFailedException.class);
        a.suspend("Compromised password.", T1);
        assertThat(a.status()).isEqualTo(AccountStatus.SUSPENDED);
        assertThat(a.isOnRegister()).isFalse();
        assertThat(a.registerUpdatedAt()).isEqualTo(T1);
        assertThat(a.suspensionReason()).isEqualTo("Compromised password.");
        assertThat(a.reinstate(T2)).containsExactly("status");
        assertThat(a.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(a.registerUpdatedAt()).isEqualTo(T2);
    }

    @Test
    void retireIsFinalAndLeavesATombstoneOnlyIfTheAccountWasEverListed() {
        SocialAccount listed = active();
        listed.retire("Replaced by a Trust-wide account.", T1);
        assertThat(listed.status()).isEqualTo(AccountStatus.RETIRED);
        assertThat(listed.registerUpdatedAt()).isEqualTo(T1);
        assertThat(listed.retirementReason()).isEqualTo("Replaced by a Trust-wide account.");

        SocialAccount neverLive = approved();
        neverLive.retire(null, T1);
        assertThat(neverLive.status()).isEqualTo(AccountStatus.RETIRED);
        assertThat(neverLive.registerUpdatedAt()).isNull();

        SocialAccount fromSuspended = suspended();
        fromSuspended.retire("", T1);
        assertThat(fromSuspended.status()).isEqualTo(AccountStatus.RETIRED);
        assertThat(fromSuspended.retirementReason()).isNull();
    }

    @Test
    void reviewKeepsTheStatusAndOverdueFollowsTheReviewDate() {
        SocialAccount a = active();
        assertThat(a.isReviewOverdue(TODAY.plusMonths(12))).isFalse();
        assertThat(a.isReviewOverdue(TODAY.plusMonths(12).plusDays(1))).isTrue();
        LocalDate later = TODAY.plusMonths(13);
        assertThat(a.recordReview(later.plusMonths(12), later, T1)).containsExactly("reviewedAt", "reviewDue");
        assertThat(a.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(a.isReviewOverdue(later)).isFalse();
        assertThat(retired().isReviewOverdue(TODAY.plusYears(5))).isFalse();
    }

    /** Every (state, transition) pair the machine does not allow answers 409 and changes nothing. */
    @Test
    void everyIllegalTransitionIsAConflictAndChangesNothing() {
        Map<String, Consumer<SocialAccount>> transitions = Map.of(
                "approve", a -> a.approve(TODAY.plusMonths(6), TODAY, T2),
                "reject", a -> a.reject("No.", T2),
                "confirmLive", a -> a.confirmLive(Optional.of(HANDLE), T2),
                "suspend", a -> a.suspend("Why.", T2),
                "reinstate", a -> a.reinstate(T2),
                "retire", a -> a.retire("Done.", T2),
                "review", a -> a.recordReview(TODAY.plusMonths(6), TODAY, T2));
        Map<String, Set<AccountStatus>> allowedFrom = Map.of(
                "approve", EnumSet.of(AccountStatus.PROPOSED),
                "reject", EnumSet.of(AccountStatus.PROPOSED),
                "confirmLive", EnumSet.of(AccountStatus.APPROVED),
                "suspend", EnumSet.of(AccountStatus.ACTIVE),
                "reinstate", EnumSet.of(AccountStatus.SUSPENDED),
                "retire", EnumSet.of(AccountStatus.APPROVED, AccountStatus.ACTIVE, AccountStatus.SUSPENDED),
                "review", EnumSet.of(AccountStatus.APPROVED, AccountStatus.ACTIVE, AccountStatus.SUSPENDED));
        Map<AccountStatus, java.util.function.Supplier<SocialAccount>> inState = Map.of(
                AccountStatus.PROPOSED, SocialAccountTest::proposed,
                AccountStatus.APPROVED, SocialAccountTest::approved,
                AccountStatus.REJECTED, SocialAccountTest::rejected,
                AccountStatus.ACTIVE, SocialAccountTest::active,
                AccountStatus.SUSPENDED, SocialAccountTest::suspended,
                AccountStatus.RETIRED, SocialAccountTest::retired);
        int refused = 0;
        for (var transition : transitions.entrySet()) {
            for (AccountStatus state : AccountStatus.values()) {
                SocialAccount account = inState.get(state).get();
                if (allowedFrom.get(transition.getKey()).contains(state)) {
                    transition.getValue().accept(account);
                    assertThat(account.updatedAt())
                            .as(transition.getKey() + " from " + state)
                            .isEqualTo(T2);
                } else {
                    Instant before = account.updatedAt();
                    assertThatThrownBy(() -> transition.getValue().accept(account))
                            .as(transition.getKey() + " from " + state)
                            .isInstanceOf(ConflictException.class)
                            .hasMessageContaining(state.name());
                    assertThat(account.status()).isEqualTo(state);
                    assertThat(account.updatedAt()).isEqualTo(before);
                    refused++;
                }
            }
        }
        assertThat(refused).isEqualTo(7 * 6 - 1 - 1 - 1 - 1 - 1 - 3 - 3);
    }

    @org.junit.jupiter.api.Test
    void theReasonRuleCountsCharactersAsTheDatabaseDoes() {
        String fortyNine = "x".repeat(49);
        org.assertj.core.api.Assertions.assertThat(SocialAccount.reasonProblem(fortyNine))
                .isPresent();
        org.assertj.core.api.Assertions.assertThat(SocialAccount.reasonProblem("  " + fortyNine + "  "))
                .isPresent();
        org.assertj.core.api.Assertions.assertThat(SocialAccount.reasonProblem(fortyNine + "y"))
                .isEmpty();
        // 25 emoji are 50 UTF-16 units but only 25 characters: not enough
        org.assertj.core.api.Assertions.assertThat(SocialAccount.reasonProblem("\uD83D\uDE00".repeat(25)))
                .isPresent();
        org.assertj.core.api.Assertions.assertThat(SocialAccount.reasonProblem("\uD83D\uDE00".repeat(50)))
                .isEmpty();
        org.assertj.core.api.Assertions.assertThat(SocialAccount.reasonProblem(null))
                .isPresent();
    }
}
