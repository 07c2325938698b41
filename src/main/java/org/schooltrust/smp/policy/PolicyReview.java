package org.schooltrust.smp.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.schooltrust.smp.common.records.Changed;
import org.schooltrust.smp.staff.Responsibility;

/**
 * A policy's owner and next review date (issue 27; ADR 0028), in the record + versioned-store style (ADR 0012). The
 * owner is an adult of the register, or whoever holds a responsibility at a school on the day (so the reminder follows
 * a new Head without anyone editing this). The owner is reminded through the {@code POLICY_REVIEW} schedule.
 */
public record PolicyReview(
        UUID policyId,
        UUID ownerAdultId,
        Responsibility ownerResponsibility,
        String ownerSchoolUrn,
        LocalDate reviewDate,
        long version,
        Instant updatedAt) {

    /** The review of a policy that has none yet (version 0: nothing stored). */
    static PolicyReview none(UUID policyId) {
        return new PolicyReview(policyId, null, null, null, null, 0, null);
    }

    /** Past its date and not moved on: trust-admin sees it overdue. */
    public boolean overdue(LocalDate today) {
        return reviewDate != null && reviewDate.isBefore(today);
    }

    Changed<PolicyReview> replacedBy(
            UUID adult, Responsibility responsibility, String schoolUrn, LocalDate date, Instant now) {
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(adult, ownerAdultId)
                || responsibility != ownerResponsibility
                || !Objects.equals(schoolUrn, ownerSchoolUrn)) {
            fields.add("owner");
        }
        if (!Objects.equals(date, reviewDate)) {
            fields.add("reviewDate");
        }
        if (fields.isEmpty()) {
            return Changed.none(this);
        }
        return new Changed<>(
                new PolicyReview(policyId, adult, responsibility, schoolUrn, date, version + 1, now), fields);
    }
}
