package org.schooltrust.smp.socialaccount;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.schooltrust.smp.common.error.AccessDeniedException;
import org.schooltrust.smp.common.error.DuplicateException;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.web.ETags;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.socialaccount.SocialAccountInputs.Approval;
import org.schooltrust.smp.socialaccount.SocialAccountInputs.LiveUrl;
import org.schooltrust.smp.socialaccount.SocialAccountInputs.Review;
import org.schooltrust.smp.socialaccount.SocialAccountViews.AccountView;

/**
 * The Head's decisions on a school's accounts (clause 8.1: approve or reject a proposal; suspend, reinstate, review,
 * retire) and the administrators' confirmation that an approved account is live. Each is a transition on
 * {@link SocialAccount} with If-Match, audited in the same transaction; proposals and reads are
 * {@link SocialAccountService}.
 */
@ApplicationScoped
class SocialAccountDecisions {

    @Inject
    SocialAccountService accounts;

    @Inject
    Caller caller;

    /** Handles are unique among approved and live accounts: another school's approval wins (409). */
    private static void requireHandleUnapproved(SocialAccount account) {
        if (SocialAccount.count(
                        "platform = ?1 and handle = ?2 and status in ?3 and id <> ?4",
                        account.platform(),
                        account.handle(),
                        SocialAccountService.UNDER_REVIEW,
                        account.id())
                > 0) {
            throw new DuplicateException("This handle is already approved for the Trust; it cannot be approved twice.");
        }
    }
    /** The Head authorises the account before it is created (clause 8.1): PROPOSED → APPROVED. */
    @Transactional
    public Versioned<AccountView> approve(UUID id, Approval input, String ifMatch) {
        SocialAccount account = forHead(id, ifMatch);
        requireHandleUnapproved(account);
        LocalDate today = accounts.today();
        LocalDate due =
                input == null || input.reviewDue() == null ? SocialAccount.defaultReviewDue(today) : input.reviewDue();
        return accounts.saved(account, SocialAccountAction.APPROVED, account.approve(due, today, accounts.now()));
    }

    @Transactional
    public Versioned<AccountView> reject(UUID id, String reason, String ifMatch) {
        SocialAccount account = forHead(id, ifMatch);
        return accounts.saved(account, SocialAccountAction.REJECTED, account.reject(reason, accounts.now()));
    }
    /**
     * The account has been created: an administrator (or the Head) confirms its live URL, which must be the approved
     * platform and handle after canonicalisation. APPROVED → ACTIVE; it joins the register.
     */
    @Transactional
    public Versioned<AccountView> confirmLive(UUID id, LiveUrl input, String ifMatch) {
        accounts.lockRegister();
        SocialAccountService.Scope scope = accounts.scope();
        SocialAccount account = accounts.visible(id, scope);
        if (!caller.isHeadOf(account.schoolUrn()) && !account.isAdministeredBy(scope.self())) {
            throw new AccessDeniedException(
                    "Only an administrator of the account, or the Head of its school, may confirm it live.");
        }
        ETags.checkRequired(ifMatch, account.version());
        return accounts.saved(
                account,
                SocialAccountAction.CONFIRMED_LIVE,
                account.confirmLive(Canonicalizer.fromUrl(input.url()), accounts.now()));
    }

    @Transactional
    public Versioned<AccountView> suspend(UUID id, String reason, String ifMatch) {
        SocialAccount account = forHead(id, ifMatch);
        return accounts.saved(account, SocialAccountAction.SUSPENDED, account.suspend(reason, accounts.now()));
    }

    @Transactional
    public Versioned<AccountView> reinstate(UUID id, String ifMatch) {
        SocialAccount account = forHead(id, ifMatch);
        return accounts.saved(account, SocialAccountAction.REINSTATED, account.reinstate(accounts.now()));
    }

    @Transactional
    public Versioned<AccountView> retire(UUID id, String reason, String ifMatch) {
        SocialAccount account = forHead(id, ifMatch);
        boolean wasOnRegister = account.status() == AccountStatus.ACTIVE;
        List<String> changed = account.retire(reason, accounts.now());
        return accounts.saved(
                account,
                SocialAccountAction.RETIRED,
                changed,
                Map.of("wasOnRegister", Boolean.toString(wasOnRegister)));
    }
    /** The Head has reviewed the account (clause 8.2) and sets the next review date. */
    @Transactional
    public Versioned<AccountView> review(UUID id, Review input, String ifMatch) {
        SocialAccount account = forHead(id, ifMatch);
        LocalDate today = accounts.today();
        LocalDate due =
                input == null || input.reviewDue() == null ? SocialAccount.defaultReviewDue(today) : input.reviewDue();
        return accounts.saved(account, SocialAccountAction.REVIEWED, account.recordReview(due, today, accounts.now()));
    }
    /**
     * A Head's transition: 403 without the role, 404 unless the account belongs to a school they head, then If-Match
     * (428 missing, 412 stale).
     */
    private SocialAccount forHead(UUID id, String ifMatch) {
        accounts.lockRegister();
        List<String> headed = List.copyOf(caller.headedSchools());
        SocialAccount account = SocialAccount.<SocialAccount>find(
                        "from SocialAccount a where a.id = ?1 and a.schoolUrn in ?2",
                        id,
                        headed.isEmpty() ? List.of("") : headed)
                .firstResultOptional()
                .orElseThrow(() -> SocialAccountService.notFound(id));
        ETags.checkRequired(ifMatch, account.version());
        return account;
    }
}
