package org.schooltrust.smp.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.schooltrust.smp.audit.AuditEntry;
import org.schooltrust.smp.change.ChangeLog;
import org.schooltrust.smp.common.error.ApiException;
import org.schooltrust.smp.common.error.FieldError;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.error.ValidationFailedException;
import org.schooltrust.smp.common.records.Changed;
import org.schooltrust.smp.common.time.TimeSource;
import org.schooltrust.smp.common.web.ETags;
import org.schooltrust.smp.common.web.Versioned;
import org.schooltrust.smp.policy.PolicyReviewViews.ReviewInput;
import org.schooltrust.smp.policy.PolicyReviewViews.ReviewView;
import org.schooltrust.smp.school.SchoolService;
import org.schooltrust.smp.staff.Adult;
import org.schooltrust.smp.staff.Responsibility;
import org.schooltrust.smp.staff.StaffService;

/** A policy's owner and review date, for trust-admin (issue 27); the owner is reminded by the reminder runs. */
@ApplicationScoped
public class PolicyReviewService {

    @Inject
    PolicyReviewStore store;

    @Inject
    StaffService staff;

    @Inject
    SchoolService schools;

    @Inject
    ChangeLog changes;

    @Inject
    TimeSource time;

    @Transactional(dontRollbackOn = ApiException.class)
    public Versioned<ReviewView> get(String slug) {
        Policy policy = policy(slug);
        PolicyReview review = store.find(policy.id(), false)
                .orElseThrow(() -> new ResourceNotFoundException("Policy " + slug + " has no owner or review date."));
        return Versioned.existing(view(policy, review), review.version());
    }

    /** Every policy's review, or only the overdue ones. */
    @Transactional(dontRollbackOn = ApiException.class)
    public List<ReviewView> all(boolean overdueOnly) {
        var today = time.today();
        return store.all(overdueOnly ? today : null).stream()
                .map(row -> ReviewView.of(row, today))
                .toList();
    }

    /** Sets the owner and review date (If-Match checked when sent; optional only when creating: ADR 0012). */
    @Transactional
    public Versioned<ReviewView> put(String slug, ReviewInput input, String ifMatch) {
        Policy policy = policy(slug);
        UUID adult = null;
        Responsibility responsibility = null;
        List<FieldError> errors = new ArrayList<>();
        boolean byAdult = input.ownerHrId() != null;
        boolean byRole = input.ownerResponsibility() != null || input.ownerSchoolUrn() != null;
        if (byAdult == byRole) {
            errors.add(new FieldError("ownerHrId", "give ownerHrId, or ownerResponsibility with ownerSchoolUrn"));
        } else if (byAdult) {
            Adult owner = staff.findByHrIds(List.of(input.ownerHrId())).get(input.ownerHrId());
            if (owner == null || !owner.active()) {
                errors.add(new FieldError("ownerHrId", "is not an active adult of the register"));
            } else {
                adult = owner.id();
            }
        } else if (input.ownerResponsibility() == null || input.ownerSchoolUrn() == null) {
            errors.add(new FieldError("ownerResponsibility", "and ownerSchoolUrn are given together"));
        } else {
            responsibility = Responsibility.valueOf(input.ownerResponsibility());
            if (schools.existingUrns(List.of(input.ownerSchoolUrn())).isEmpty()) {
                errors.add(new FieldError("ownerSchoolUrn", "is not a school of the Trust"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        PolicyReview current = store.find(policy.id(), true).orElse(PolicyReview.none(policy.id()));
        ETags.checkIfPresent(ifMatch, current.version() == 0 ? null : current.version());
        Changed<PolicyReview> changed = current.replacedBy(
                adult, responsibility, byAdult ? null : input.ownerSchoolUrn(), input.reviewDate(), time.now());
        if (!changed.fields().isEmpty()) {
            store.save(changed.next());
            changes.record(
                    new AuditEntry(PolicyAction.REVIEW_UPDATED, PolicyService.POLICY, slug, null, changed.fields())
                            .withRefs(Map.of("reviewDate", input.reviewDate().toString())));
        }
        return new Versioned<>(
                view(policy, changed.next()),
                changed.next().version(),
                current.version() == 0 && !changed.fields().isEmpty());
    }

    private ReviewView view(Policy policy, PolicyReview review) {
        String hrId = review.ownerAdultId() == null
                ? null
                : staff.findByIds(List.of(review.ownerAdultId()))
                        .get(review.ownerAdultId())
                        .hrId();
        return ReviewView.of(new PolicyReviewStore.Row(review, policy.slug(), policy.title(), hrId), time.today());
    }

    private static Policy policy(String slug) {
        return Policy.bySlug(slug).orElseThrow(() -> new ResourceNotFoundException("No policy " + slug + "."));
    }
}
