package org.schooltrust.smp.reminder;

import java.util.List;
import java.util.Map;

/**
 * What each kind of message says: subject, paragraphs and the portal page it links to. Built from the message's
 * context (policy, school, dates) and, for digests, its items; never pupil data or declaration content (a Head's
 * digest of pending declarations says how many).
 */
record ReminderTexts(String subject, List<String> paragraphs, String portalPath) {

    /** One line of a digest: an overdue adult, an account due for review. */
    record Item(String text) {}

    static ReminderTexts of(ReminderKind kind, String stage, String school, Map<String, String> c, int count) {
        String due = c.getOrDefault("dueDate", "");
        return switch (kind) {
            case POLICY_ACKNOWLEDGEMENT -> {
                String policy = c.get("policyTitle") + " (version " + c.get("policyLabel") + ")";
                boolean overdue = stage.startsWith("AFTER_")
                        || (stage.startsWith(ReminderRun.REMIND_NOW) && due.compareTo(stage.substring(4)) < 0);
                yield new ReminderTexts(
                        (overdue ? "Overdue: " : "Reminder: ") + "please acknowledge the " + c.get("policyTitle")
                                + " for " + school,
                        List.of(
                                overdue
                                        ? "Your acknowledgement of the " + policy + " for " + school + " was due on "
                                                + due + " and is now overdue."
                                        : "Your acknowledgement of the " + policy + " for " + school + " is due on "
                                                + due + ".",
                                "Clause 4 of the policy asks every adult working in the school to be familiar with it."
                                        + " Please read it and record your acknowledgement."),
                        "/policies/" + c.get("policySlug"));
            }
            case JOINER_WELCOME ->
                new ReminderTexts(
                        "Welcome to " + school + ": please read the Social Media Policy",
                        List.of(
                                "Welcome to " + school + ". Clause 5.2 of the Trust's Social Media Policy asks every"
                                        + " adult to review it when they join, and to check the privacy settings of"
                                        + " their own social-media accounts.",
                                "Please read the policy and record your acknowledgement."),
                        "/requirements");
            case DECLARATION_RECONFIRMATION ->
                new ReminderTexts(
                        "Please re-confirm your family declaration for " + school,
                        List.of(
                                "A family relationship you declared for " + school + " is due for re-confirmation on "
                                        + due + " (clause 6.8).",
                                "Please confirm it is still current, or tell the school what has changed."),
                        "/declarations");
            case OVERDUE_ESCALATION ->
                new ReminderTexts(
                        school + ": " + count + (count == 1 ? " adult is" : " adults are")
                                + " overdue with a policy acknowledgement",
                        List.of(
                                "These adults of " + school + " have not acknowledged a policy by its due date"
                                        + " (clause 4). They have been reminded.",
                                "This digest lists only adults newly overdue since the last one."),
                        "/schools/" + c.get("schoolUrn") + "/compliance");
            case DECLARATION_REVIEW ->
                new ReminderTexts(
                        school + ": " + count + " family " + (count == 1 ? "declaration awaits" : "declarations await")
                                + " your review",
                        List.of(
                                count + " family " + (count == 1 ? "declaration" : "declarations") + " of " + school
                                        + " await a Head's acknowledgement (clause 6.8).",
                                "Open the portal to review them; this email does not show them."),
                        "/schools/" + c.get("schoolUrn") + "/declarations");
            case CONCERN_RAISED -> {
                boolean urgent = "true".equals(c.get("urgent"));
                // a concern naming an adult is handled where that adult works, which may not be where it was raised
                String where = c.get("schoolUrn").equals(c.get("raisedAtSchool"))
                        ? "was raised at " + school
                        : "was raised for " + school + " to handle (at another school of the Trust)";
                yield new ReminderTexts(
                        (urgent ? "URGENT: a " : "A ") + "concern " + where,
                        List.of(
                                "A concern ("
                                        + c.get("category").replace('_', ' ').toLowerCase(java.util.Locale.ROOT)
                                        + ") " + where
                                        + (urgent
                                                ? ". It is marked urgent: clauses 7.1 and 10.6 ask for it to be dealt"
                                                        + " with immediately."
                                                : ". Clause 6.24 asks for concerns to be raised with the Head at once."),
                                "Open the portal to read and handle it; this email does not show it."),
                        "/schools/" + c.get("schoolUrn") + "/concerns/" + c.get("concernId"));
            }
            case POLICY_REVIEW ->
                new ReminderTexts(
                        ("ON_DAY".equals(stage) ? "Due today: " : "Coming up: ") + "the review of the "
                                + c.get("policyTitle"),
                        List.of(
                                "You own the Trust's " + c.get("policyTitle") + ". Its review is due on " + due + ".",
                                "Please review it, publish a new version if it needs one, and ask trust-admin to set"
                                        + " the next review date."),
                        "/policies/" + c.get("policySlug"));
            case SOCIAL_ACCOUNT_REVIEW ->
                new ReminderTexts(
                        school + ": " + count + " official social-media " + (count == 1 ? "account is" : "accounts are")
                                + " due for review",
                        List.of("These official accounts of " + school
                                + " have reached their review date (clause 8.1)."),
                        "/schools/" + c.get("schoolUrn") + "/social-accounts");
        };
    }
}
