package org.schooltrust.smp.socialaccount;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.schooltrust.smp.common.db.VersionedEntity;
import org.schooltrust.smp.common.error.IllegalTransitionException;
import org.schooltrust.smp.common.error.ValidationFailedException;
import org.schooltrust.smp.socialaccount.Canonicalizer.Canonical;

/**
 * An official school social-media account (clauses 8.1-8.2) and its state machine: proposed with a reason and at
 * least two administrators, approved or rejected by the Head of School <em>before</em> it is created, then confirmed
 * live once created ({@code ACTIVE}: on the public register), suspended and reinstated, and retired. Every transition
 * returns the names of the fields it changed, for the audit trail; illegal transitions are refused (409).
 *
 * <p>{@code registerUpdatedAt} moves whenever the account enters, leaves or changes on the register, so the register's
 * {@code updatedSince} reads see it (suspended and retired accounts as tombstones).
 */
@Entity
@Table(name = "social_accounts")
public class SocialAccount extends VersionedEntity {

    static final int MIN_REASON = 50;
    static final int MIN_ADMINISTRATORS = 2;
    static final int MAX_REVIEW_YEARS = 3;

    @Id
    UUID id;

    @Column(name = "school_urn", nullable = false, length = 6)
    String schoolUrn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    Platform platform;

    @Column(nullable = false, length = 300)
    String handle;

    @Column(name = "canonical_url", nullable = false, length = 400)
    String canonicalUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    Purpose purpose;

    @Column(nullable = false, length = 4000)
    String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    AccountStatus status;

    @ElementCollection
    @CollectionTable(name = "social_account_administrators", joinColumns = @JoinColumn(name = "account_id"))
    @OrderColumn(name = "position")
    @Column(name = "adult_id", nullable = false)
    List<UUID> administratorIds = new ArrayList<>();

    @Column(name = "proposer_subject", nullable = false, length = 255)
    String proposerSubject;

    @Column(name = "proposer_adult_id")
    UUID proposerAdultId;

    @Column(name = "proposed_at", nullable = false)
    Instant proposedAt;

    @Column(name = "approved_at")
    Instant approvedAt;

    @Column(name = "review_due")
    LocalDate reviewDue;

    @Column(name = "reviewed_at")
    Instant reviewedAt;

    @Column(name = "rejected_at")
    Instant rejectedAt;

    @Column(name = "rejection_reason", length = 2000)
    String rejectionReason;

    @Column(name = "live_since")
    Instant liveSince;

    @Column(name = "suspended_at")
    Instant suspendedAt;

    @Column(name = "suspension_reason", length = 2000)
    String suspensionReason;

    @Column(name = "retired_at")
    Instant retiredAt;

    @Column(name = "retirement_reason", length = 2000)
    String retirementReason;

    @Column(name = "register_updated_at")
    Instant registerUpdatedAt;

    protected SocialAccount() {}

    /** Who proposed it: the token's subject, and their staff record when the token names one. */
    record Proposer(String subject, UUID adultId) {}

    /** A new PROPOSED account. The caller has checked the administrators are active adults of the school. */
    /**
     * The one reason rule (clause 8.1): at least {@value #MIN_REASON} characters once stripped, counted as the
     * database counts them (code points, so an emoji is one character, not two UTF-16 units).
     */
    static java.util.Optional<String> reasonProblem(String reason) {
        String stripped = reason == null ? "" : reason.strip();
        return stripped.codePointCount(0, stripped.length()) < MIN_REASON
                ? java.util.Optional.of("must explain the pedagogical or business reason in at least 50 characters")
                : java.util.Optional.empty();
    }

    static SocialAccount propose(
            String schoolUrn,
            Canonical account,
            Purpose purpose,
            String reason,
            List<UUID> administratorIds,
            Proposer proposer,
            Instant now) {
        reasonProblem(reason).ifPresent(problem -> {
            throw ValidationFailedException.of("reason", problem);
        });
        List<UUID> administrators = List.copyOf(new LinkedHashSet<>(administratorIds));
        if (administrators.size() < MIN_ADMINISTRATORS) {
            throw ValidationFailedException.of("administrators", "must name at least two different adults");
        }
        SocialAccount a = new SocialAccount();
        a.id = UUID.randomUUID();
        a.schoolUrn = schoolUrn;
        a.platform = account.platform();
        a.handle = account.handle();
        a.canonicalUrl = account.url();
        a.purpose = purpose;
        a.reason = reason.strip();
        a.status = AccountStatus.PROPOSED;
        a.administratorIds = new ArrayList<>(administrators);
        a.proposerSubject = proposer.subject();
        a.proposerAdultId = proposer.adultId();
        a.proposedAt = now;
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }

    public static LocalDate defaultReviewDue(LocalDate today) {
        return today.plusMonths(12);
    }

    /** The Head authorises it (clause 8.1), before it is created: PROPOSED → APPROVED, with a review date. */
    List<String> approve(LocalDate due, LocalDate today, Instant now) {
        requireStatus("approve", AccountStatus.PROPOSED);
        checkReviewDue(due, today);
        status = AccountStatus.APPROVED;
        approvedAt = now;
        reviewDue = due;
        updatedAt = now;
        return List.of("status", "approvedAt", "reviewDue");
    }

    /** The Head refuses it: PROPOSED → REJECTED, with a reason. */
    List<String> reject(String why, Instant now) {
        requireStatus("reject", AccountStatus.PROPOSED);
        String reasonGiven = requireReason(why);
        status = AccountStatus.REJECTED;
        rejectedAt = now;
        rejectionReason = reasonGiven;
        updatedAt = now;
        return List.of("status", "rejectedAt", "rejectionReason");
    }

    /**
     * The account has been created: APPROVED → ACTIVE, once the live URL is confirmed to be the approved platform and
     * handle (after canonicalisation). It joins the register.
     */
    List<String> confirmLive(Optional<Canonical> live, Instant now) {
        requireStatus("confirm live", AccountStatus.APPROVED);
        if (live.isEmpty()) {
            throw ValidationFailedException.of("url", "is not a profile URL in a recognised form");
        }
        if (!isSameAccount(live.get())) {
            throw ValidationFailedException.of("url", "is not the approved account " + canonicalUrl);
        }
        status = AccountStatus.ACTIVE;
        liveSince = now;
        touchRegister(now);
        return List.of("status", "liveSince");
    }

    /** ACTIVE → SUSPENDED, with a reason; it leaves the register (a tombstone for delta readers). */
    List<String> suspend(String why, Instant now) {
        requireStatus("suspend", AccountStatus.ACTIVE);
        String reasonGiven = requireReason(why);
        status = AccountStatus.SUSPENDED;
        suspendedAt = now;
        suspensionReason = reasonGiven;
        touchRegister(now);
        return List.of("status", "suspendedAt", "suspensionReason");
    }

    /** SUSPENDED → ACTIVE; it is back on the register. */
    List<String> reinstate(Instant now) {
        requireStatus("reinstate", AccountStatus.SUSPENDED);
        status = AccountStatus.ACTIVE;
        touchRegister(now);
        return List.of("status");
    }

    /** APPROVED, ACTIVE or SUSPENDED → RETIRED, for good. A listed account leaves the register as a tombstone. */
    List<String> retire(String why, Instant now) {
        requireStatus("retire", AccountStatus.APPROVED, AccountStatus.ACTIVE, AccountStatus.SUSPENDED);
        boolean listed = registerUpdatedAt != null;
        status = AccountStatus.RETIRED;
        retiredAt = now;
        retirementReason = why == null || why.isBlank() ? null : why.strip();
        if (listed) {
            touchRegister(now);
        } else {
            updatedAt = now;
        }
        return List.of("status", "retiredAt", "retirementReason");
    }

    /** The Head has reviewed the account (clause 8.2): a new review date; the status does not change. */
    List<String> recordReview(LocalDate nextDue, LocalDate today, Instant now) {
        requireStatus("review", AccountStatus.APPROVED, AccountStatus.ACTIVE, AccountStatus.SUSPENDED);
        checkReviewDue(nextDue, today);
        reviewedAt = now;
        reviewDue = nextDue;
        updatedAt = now;
        return List.of("reviewedAt", "reviewDue");
    }

    public boolean isReviewOverdue(LocalDate today) {
        return status.isUnderReview() && reviewDue != null && reviewDue.isBefore(today);
    }

    public boolean isOnRegister() {
        return status == AccountStatus.ACTIVE;
    }

    public boolean isAdministeredBy(UUID adultId) {
        return adultId != null && administratorIds.contains(adultId);
    }

    public boolean isSameAccount(Canonical other) {
        return platform == other.platform() && handle.equals(other.handle());
    }

    private void touchRegister(Instant now) {
        registerUpdatedAt = now;
        updatedAt = now;
    }

    private static void checkReviewDue(LocalDate due, LocalDate today) {
        if (due == null || !due.isAfter(today)) {
            throw ValidationFailedException.of("reviewDue", "must be a date after today");
        }
        if (due.isAfter(today.plusYears(MAX_REVIEW_YEARS))) {
            throw ValidationFailedException.of("reviewDue", "must be within three years");
        }
    }

    private static String requireReason(String why) {
        if (why == null || why.isBlank()) {
            throw ValidationFailedException.of("reason", "must not be blank");
        }
        return why.strip();
    }

    private void requireStatus(String action, AccountStatus... allowed) {
        for (AccountStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new IllegalTransitionException("Cannot " + action + " this account: it is " + status + ".");
    }

    public UUID id() {
        return id;
    }

    public String schoolUrn() {
        return schoolUrn;
    }

    public Platform platform() {
        return platform;
    }

    public String handle() {
        return handle;
    }

    public String canonicalUrl() {
        return canonicalUrl;
    }

    public Purpose purpose() {
        return purpose;
    }

    public String reason() {
        return reason;
    }

    public AccountStatus status() {
        return status;
    }

    public List<UUID> administratorIds() {
        return List.copyOf(administratorIds);
    }

    public UUID proposerAdultId() {
        return proposerAdultId;
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public LocalDate reviewDue() {
        return reviewDue;
    }

    public Instant reviewedAt() {
        return reviewedAt;
    }

    public Instant rejectedAt() {
        return rejectedAt;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public Instant liveSince() {
        return liveSince;
    }

    public Instant suspendedAt() {
        return suspendedAt;
    }

    public String suspensionReason() {
        return suspensionReason;
    }

    public Instant retiredAt() {
        return retiredAt;
    }

    public String retirementReason() {
        return retirementReason;
    }

    public Instant registerUpdatedAt() {
        return registerUpdatedAt;
    }
}
