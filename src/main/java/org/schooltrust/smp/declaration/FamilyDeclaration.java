package org.schooltrust.smp.declaration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.schooltrust.smp.common.db.VersionedEntity;
import org.schooltrust.smp.common.error.IllegalTransitionException;

/**
 * An adult's declaration that a pupil at their school is a family member (clauses 6.7-6.9), and the Head's record of
 * acknowledging it. Each transition is a method that refuses (409) when the current status does not allow it.
 */
@Entity
@Table(name = "family_declarations")
public class FamilyDeclaration extends VersionedEntity {

    /** An acknowledged declaration is re-confirmed by the adult every year. */
    static final int RECONFIRM_MONTHS = 12;

    @Id
    UUID id;

    @Column(name = "adult_id", nullable = false)
    UUID adultId;

    @Column(name = "school_urn", nullable = false, length = 6)
    String schoolUrn;

    @Column(name = "pupil_mis_id", nullable = false, length = 64)
    String pupilMisId;

    @Column(name = "pupil_name", nullable = false, length = 200)
    String pupilName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    Relationship relationship;

    @Column(name = "relationship_other", length = 100)
    String relationshipOther;

    @Column(length = 2000)
    String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    DeclarationStatus status;

    @Column(name = "info_question", length = 2000)
    String infoQuestion;

    @Column(name = "info_answer", length = 2000)
    String infoAnswer;

    @Column(name = "reviewed_by")
    String reviewedBy;

    @Column(name = "reviewed_at")
    Instant reviewedAt;

    @Column(name = "discussed_on")
    LocalDate discussedOn;

    @Column(name = "agreed_protocols", length = 4000)
    String agreedProtocols;

    @Column(name = "head_note", length = 2000)
    String headNote;

    @Column(name = "acknowledged_at")
    Instant acknowledgedAt;

    @Column(name = "decline_reason", length = 2000)
    String declineReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason", length = 24)
    EndReason endReason;

    @Column(name = "end_note", length = 2000)
    String endNote;

    @Column(name = "ended_at")
    Instant endedAt;

    @Column(name = "reconfirm_by")
    LocalDate reconfirmBy;

    @Column(name = "reconfirmed_at")
    Instant reconfirmedAt;

    /** The declarant was a Head of this school when they declared: the Trust may review it (see ADR 0009). */
    @Column(name = "declared_by_head", nullable = false)
    boolean declaredByHead;

    protected FamilyDeclaration() {}

    /** The adult declares the relationship: SUBMITTED, waiting for the Head. */
    static FamilyDeclaration submit(
            UUID adultId,
            String schoolUrn,
            String pupilMisId,
            String pupilName,
            Relationship relationship,
            String relationshipOther,
            String note,
            boolean declaredByHead,
            Instant now) {
        FamilyDeclaration d = new FamilyDeclaration();
        d.declaredByHead = declaredByHead;
        d.id = UUID.randomUUID();
        d.adultId = adultId;
        d.schoolUrn = schoolUrn;
        d.pupilMisId = pupilMisId;
        d.pupilName = pupilName;
        d.relationship = relationship;
        d.relationshipOther = relationship == Relationship.OTHER ? relationshipOther : null;
        d.note = note;
        d.status = DeclarationStatus.SUBMITTED;
        d.createdAt = now;
        d.updatedAt = now;
        return d;
    }

    /** The Head has discussed it with the adult, agreed protocols and records it: contact is now acknowledged. */
    List<String> acknowledge(String head, LocalDate discussedOn, String agreedProtocols, String note, Instant now) {
        require("acknowledge", DeclarationStatus.SUBMITTED);
        status = DeclarationStatus.ACKNOWLEDGED;
        reviewedBy = head;
        reviewedAt = now;
        acknowledgedAt = now;
        this.discussedOn = discussedOn;
        this.agreedProtocols = agreedProtocols;
        headNote = note;
        reconfirmBy = now.atZone(ZoneOffset.UTC).toLocalDate().plusMonths(RECONFIRM_MONTHS);
        updatedAt = now;
        return List.of("status", "reviewedBy", "discussedOn", "agreedProtocols", "headNote", "reconfirmBy");
    }

    List<String> decline(String head, String reason, Instant now) {
        require("decline", DeclarationStatus.SUBMITTED, DeclarationStatus.INFO_REQUESTED);
        status = DeclarationStatus.DECLINED;
        reviewedBy = head;
        reviewedAt = now;
        declineReason = reason;
        updatedAt = now;
        return List.of("status", "reviewedBy", "declineReason");
    }

    List<String> requestInfo(String head, String question, Instant now) {
        require("request information on", DeclarationStatus.SUBMITTED);
        status = DeclarationStatus.INFO_REQUESTED;
        reviewedBy = head;
        reviewedAt = now;
        infoQuestion = question;
        updatedAt = now;
        return List.of("status", "reviewedBy", "infoQuestion");
    }

    /** The adult answers the Head's question; the declaration goes back to the Head. */
    List<String> answer(String answer, Instant now) {
        require("answer", DeclarationStatus.INFO_REQUESTED);
        status = DeclarationStatus.SUBMITTED;
        infoAnswer = answer;
        updatedAt = now;
        return List.of("status", "infoAnswer");
    }

    List<String> withdraw(Instant now) {
        require(
                "withdraw",
                DeclarationStatus.SUBMITTED,
                DeclarationStatus.INFO_REQUESTED,
                DeclarationStatus.ACKNOWLEDGED);
        status = DeclarationStatus.WITHDRAWN;
        endedAt = now;
        updatedAt = now;
        return List.of("status");
    }

    List<String> end(EndReason reason, String note, Instant now) {
        require("end", DeclarationStatus.SUBMITTED, DeclarationStatus.INFO_REQUESTED, DeclarationStatus.ACKNOWLEDGED);
        status = DeclarationStatus.ENDED;
        endReason = reason;
        endNote = note;
        endedAt = now;
        updatedAt = now;
        return List.of("status", "endReason", "endNote");
    }

    /** The adult confirms the acknowledged relationship still holds; the next confirmation is due a year later. */
    List<String> reconfirm(Instant now) {
        require("re-confirm", DeclarationStatus.ACKNOWLEDGED);
        reconfirmedAt = now;
        reconfirmBy = now.atZone(ZoneOffset.UTC).toLocalDate().plusMonths(RECONFIRM_MONTHS);
        updatedAt = now;
        return List.of("reconfirmedAt", "reconfirmBy");
    }

    public boolean isReconfirmationOverdue(LocalDate today) {
        return status == DeclarationStatus.ACKNOWLEDGED && reconfirmBy != null && reconfirmBy.isBefore(today);
    }

    /** Whether the MIS may ever have seen this as an acknowledged link (so its end must reach the MIS as a tombstone). */
    public boolean wasAcknowledged() {
        return acknowledgedAt != null;
    }

    private void require(String action, DeclarationStatus... allowed) {
        if (!Set.of(allowed).contains(status)) {
            throw new IllegalTransitionException("Cannot " + action + " a declaration that is " + status + ".");
        }
    }

    public UUID id() {
        return id;
    }

    public UUID adultId() {
        return adultId;
    }

    public String schoolUrn() {
        return schoolUrn;
    }

    public String pupilMisId() {
        return pupilMisId;
    }

    public String pupilName() {
        return pupilName;
    }

    public Relationship relationship() {
        return relationship;
    }

    public String relationshipOther() {
        return relationshipOther;
    }

    public String note() {
        return note;
    }

    public DeclarationStatus status() {
        return status;
    }

    public String infoQuestion() {
        return infoQuestion;
    }

    public String infoAnswer() {
        return infoAnswer;
    }

    public String reviewedBy() {
        return reviewedBy;
    }

    public Instant reviewedAt() {
        return reviewedAt;
    }

    public LocalDate discussedOn() {
        return discussedOn;
    }

    public String agreedProtocols() {
        return agreedProtocols;
    }

    public String headNote() {
        return headNote;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public String declineReason() {
        return declineReason;
    }

    public EndReason endReason() {
        return endReason;
    }

    public String endNote() {
        return endNote;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public LocalDate reconfirmBy() {
        return reconfirmBy;
    }

    public Instant reconfirmedAt() {
        return reconfirmedAt;
    }
}
