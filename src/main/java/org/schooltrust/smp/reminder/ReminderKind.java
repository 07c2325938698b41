package org.schooltrust.smp.reminder;

/**
 * What a reminder is about, and to whom it goes (ADR 0016). Each kind has one schedule ({@link ReminderSchedule}) and
 * an anchor date its stages are counted from. Values are stable API constants.
 */
public enum ReminderKind {
    /** Clause 4: an adult's policy acknowledgement, before and after its due date; to the adult. */
    POLICY_ACKNOWLEDGEMENT(false, "the acknowledgement's due date", true),
    /** Clause 5.2: a joiner's welcome when an assignment starts; to the adult. */
    JOINER_WELCOME(false, "the assignment's start date", false),
    /** Clause 4: adults overdue for some days, as one digest per Head per school per run; to the school's Heads. */
    OVERDUE_ESCALATION(true, "the acknowledgement's due date", false),
    /** Clause 6.8: a family declaration's annual re-confirmation falling due; to the declarant. */
    DECLARATION_RECONFIRMATION(false, "the re-confirmation date", true),
    /** Clause 6.8: declarations awaiting the Head's review, counted (never shown) in a digest; to the Heads. */
    DECLARATION_REVIEW(true, "the day the declaration was last submitted", false),
    /** Clause 8.1: official accounts whose review date has come; to the school's Heads, as a digest. */
    SOCIAL_ACCOUNT_REVIEW(true, "the account's review date", true),
    /** Issue 27: a policy's review date, to its owner (an adult, or who holds a responsibility at a school). */
    POLICY_REVIEW(false, "the policy's review date", true),
    /**
     * Clauses 6.24, 10.6: a concern was raised; told at once to the Heads (and for urgent ones the DSLs) of the
     * schools that handle it. Not scheduled: sent when the concern is raised.
     */
    CONCERN_RAISED(false, null, false, false);

    private final boolean digest;
    private final String anchor;
    private final boolean remindsAhead;
    private final boolean scheduled;

    ReminderKind(boolean digest, String anchor, boolean remindsAhead) {
        this(digest, anchor, remindsAhead, true);
    }

    ReminderKind(boolean digest, String anchor, boolean remindsAhead, boolean scheduled) {
        this.digest = digest;
        this.anchor = anchor;
        this.remindsAhead = remindsAhead;
        this.scheduled = scheduled;
    }

    /**
     * Kinds sent to a school's Heads and DSLs because of their responsibility there (digests, concern notices): at
     * send time the recipient must still hold it (ReminderMailer).
     */
    public static java.util.Set<ReminderKind> toResponsible() {
        java.util.EnumSet<ReminderKind> kinds = java.util.EnumSet.of(CONCERN_RAISED);
        for (ReminderKind kind : values()) {
            if (kind.digest) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** Whether the kind has a schedule (reminder-schedules); a notice is sent when its event happens instead. */
    public boolean scheduled() {
        return scheduled;
    }

    /** A digest goes to the school's Heads and carries many reminders in one message. */
    public boolean isDigest() {
        return digest;
    }

    /** What the schedule's days count from, for the contract. */
    public String anchor() {
        return anchor;
    }

    /** Whether reminders may come before the anchor date ({@code daysBefore}). */
    public boolean remindsAhead() {
        return remindsAhead;
    }
}
