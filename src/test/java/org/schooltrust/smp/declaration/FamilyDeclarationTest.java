package org.schooltrust.smp.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.schooltrust.smp.common.error.ConflictException;

class FamilyDeclarationTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final LocalDate DISCUSSED = LocalDate.of(2026, 2, 27);

    private static FamilyDeclaration submitted() {
        return FamilyDeclaration.submit(
                UUID.randomUUID(), "100001", "P1", "Pat Pupil", Relationship.PARENT, null, null, false, T0);
    }

    /** A declaration brought to each status through legal transitions. */
    private static FamilyDeclaration in(DeclarationStatus status) {
        FamilyDeclaration d = submitted();
        switch (status) {
            case SUBMITTED -> {}
            case INFO_REQUESTED -> d.requestInfo("E2001", "How are you related?", T0);
            case ACKNOWLEDGED -> d.acknowledge("E2001", DISCUSSED, "No direct messages about school.", null, T0);
            case DECLINED -> d.decline("E2001", "Not a family member", T0);
            case WITHDRAWN -> d.withdraw(T0);
            case ENDED -> d.end(EndReason.PUPIL_LEFT, null, T0);
        }
        assertThat(d.status()).isEqualTo(status);
        return d;
    }

    private static final Map<String, Consumer<FamilyDeclaration>> TRANSITIONS = Map.of(
            "acknowledge", d -> d.acknowledge("E2001", DISCUSSED, "protocols", null, T0),
            "decline", d -> d.decline("E2001", "reason", T0),
            "requestInfo", d -> d.requestInfo("E2001", "question", T0),
            "answer", d -> d.answer("answer", T0),
            "withdraw", d -> d.withdraw(T0),
            "end", d -> d.end(EndReason.RELATIONSHIP_ENDED, "note", T0),
            "reconfirm", d -> d.reconfirm(T0.plusSeconds(86_400)));

    private static final Map<String, EnumSet<DeclarationStatus>> LEGAL_FROM = Map.of(
            "acknowledge", EnumSet.of(DeclarationStatus.SUBMITTED),
            "decline", EnumSet.of(DeclarationStatus.SUBMITTED, DeclarationStatus.INFO_REQUESTED),
            "requestInfo", EnumSet.of(DeclarationStatus.SUBMITTED),
            "answer", EnumSet.of(DeclarationStatus.INFO_REQUESTED),
            "withdraw",
                    EnumSet.of(
                            DeclarationStatus.SUBMITTED,
                            DeclarationStatus.INFO_REQUESTED,
                            DeclarationStatus.ACKNOWLEDGED),
            "end",
                    EnumSet.of(
                            DeclarationStatus.SUBMITTED,
                            DeclarationStatus.INFO_REQUESTED,
                            DeclarationStatus.ACKNOWLEDGED),
            "reconfirm", EnumSet.of(DeclarationStatus.ACKNOWLEDGED));

    private static final Map<String, DeclarationStatus> RESULT = Map.of(
            "acknowledge", DeclarationStatus.ACKNOWLEDGED,
            "decline", DeclarationStatus.DECLINED,
            "requestInfo", DeclarationStatus.INFO_REQUESTED,
            "answer", DeclarationStatus.SUBMITTED,
            "withdraw", DeclarationStatus.WITHDRAWN,
            "end", DeclarationStatus.ENDED,
            "reconfirm", DeclarationStatus.ACKNOWLEDGED);

    @Test
    void everyTransitionFromEveryStatusIsLegalOrRefused() {
        for (String transition : TRANSITIONS.keySet()) {
            for (DeclarationStatus from : DeclarationStatus.values()) {
                FamilyDeclaration d = in(from);
                if (LEGAL_FROM.get(transition).contains(from)) {
                    TRANSITIONS.get(transition).accept(d);
                    assertThat(d.status()).as(transition + " from " + from).isEqualTo(RESULT.get(transition));
                } else {
                    assertThatThrownBy(() -> TRANSITIONS.get(transition).accept(d))
                            .as(transition + " from " + from)
                            .isInstanceOf(ConflictException.class);
                    assertThat(d.status()).isEqualTo(from);
                }
            }
        }
    }

    @Test
    void acknowledgementRecordsWhoWhenAndTheAnnualReconfirmation() {
        FamilyDeclaration d = in(DeclarationStatus.ACKNOWLEDGED);
        assertThat(d.reviewedBy()).isEqualTo("E2001");
        assertThat(d.acknowledgedAt()).isEqualTo(T0);
        assertThat(d.discussedOn()).isEqualTo(DISCUSSED);
        assertThat(d.agreedProtocols()).isEqualTo("No direct messages about school.");
        assertThat(d.reconfirmBy()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(d.isReconfirmationOverdue(LocalDate.of(2027, 3, 1))).isFalse();
        assertThat(d.isReconfirmationOverdue(LocalDate.of(2027, 3, 2))).isTrue();
        d.reconfirm(Instant.parse("2027-02-20T09:00:00Z"));
        assertThat(d.reconfirmBy()).isEqualTo(LocalDate.of(2028, 2, 20));
        assertThat(d.wasAcknowledged()).isTrue();
        assertThat(submitted().wasAcknowledged()).isFalse();
    }

    @Test
    void answeringGoesBackToTheHeadAndOtherTextIsKeptOnlyForOther() {
        FamilyDeclaration d = in(DeclarationStatus.INFO_REQUESTED);
        d.answer("She is my niece", T0);
        assertThat(d.status()).isEqualTo(DeclarationStatus.SUBMITTED);
        assertThat(d.infoAnswer()).isEqualTo("She is my niece");
        FamilyDeclaration other = FamilyDeclaration.submit(
                UUID.randomUUID(), "100001", "P1", "Pat", Relationship.OTHER, "godparent", null, false, T0);
        assertThat(other.relationshipOther()).isEqualTo("godparent");
        FamilyDeclaration parent = FamilyDeclaration.submit(
                UUID.randomUUID(), "100001", "P1", "Pat", Relationship.PARENT, "ignored", null, false, T0);
        assertThat(parent.relationshipOther()).isNull();
    }

    @org.junit.jupiter.api.Test
    void everyTransitionReturnsTheFieldsItChanged() {
        FamilyDeclaration d = submitted();
        assertThat(d.requestInfo("H1", "Which class?", T0)).contains("status", "infoQuestion");
        assertThat(d.answer("Year 3", T0)).containsExactly("status", "infoAnswer");
        assertThat(d.acknowledge("H1", java.time.LocalDate.of(2026, 1, 5), "In school only", null, T0))
                .contains("status", "agreedProtocols", "reconfirmBy");
        assertThat(d.reconfirm(T0)).containsExactly("reconfirmedAt", "reconfirmBy");
        assertThat(d.end(EndReason.RELATIONSHIP_ENDED, "Moved away", T0))
                .containsExactly("status", "endReason", "endNote");
    }
}
