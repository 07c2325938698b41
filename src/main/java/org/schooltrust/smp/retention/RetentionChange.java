package org.schooltrust.smp.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

/**
 * A change that could destroy records sooner — a shorter retention period, or a lifted legal hold — held back (issue
 * 24): it needs a second trust-admin to confirm it and takes effect only after the notice period, so one person alone
 * cannot destroy evidence and everyone told has time to object. Lengthening a period or placing a hold needs neither.
 */
public record RetentionChange(
        UUID id,
        Kind kind,
        RecordClass recordClass,
        Period period,
        UUID holdId,
        String reason,
        String proposedBy,
        Instant proposedAt,
        Instant effectiveAt,
        String confirmedBy,
        Instant confirmedAt,
        String cancelledBy,
        Instant cancelledAt,
        Instant appliedAt,
        long version) {

    public enum Kind {
        SHORTEN_PERIOD,
        LIFT_HOLD
    }

    public enum Status {
        AWAITING_CONFIRMATION,
        CONFIRMED,
        APPLIED,
        CANCELLED
    }

    public Status status() {
        if (cancelledAt != null) {
            return Status.CANCELLED;
        }
        if (appliedAt != null) {
            return Status.APPLIED;
        }
        return confirmedAt == null ? Status.AWAITING_CONFIRMATION : Status.CONFIRMED;
    }

    /** Whether {@code next} keeps records for less time than {@code current} (by the days they add to one date). */
    static boolean shortens(Period current, Period next) {
        LocalDate from = LocalDate.of(2000, 1, 1);
        return from.plus(next).isBefore(from.plus(current));
    }

    /** Why {@code subject} may not confirm it, or null when they may: the proposer never confirms their own change. */
    String confirmationRefused(String subject) {
        if (status() != Status.AWAITING_CONFIRMATION) {
            return "This change is "
                    + status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ".";
        }
        if (proposedBy.equals(subject)) {
            return "A second trust-admin must confirm this change; its proposer cannot.";
        }
        return null;
    }

    /** Whether it takes effect now: confirmed, not cancelled or applied, and past its notice period. */
    boolean due(Instant now) {
        return status() == Status.CONFIRMED && !effectiveAt.isAfter(now);
    }
}
