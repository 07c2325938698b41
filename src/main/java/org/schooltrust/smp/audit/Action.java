package org.schooltrust.smp.audit;

/**
 * An audited action (issue 22): a constant of a feature's {@code XAction} holder, so an entry can only name an action
 * that exists. Its {@link #code} is what the trail stores and what {@code event/EventType} matches on. An action is
 * published as the events the catalog maps it to, or says why it is not — {@code EventCatalogTest} holds the two to
 * each other.
 *
 * @param code the stable name in the audit trail, e.g. {@code policy.version.published}
 * @param notPublishedBecause why no event is published for it (a read, a draft, a records act…), or null when one is
 */
public record Action(String code, String notPublishedBecause) {

    /** An action the event catalog publishes. */
    public static Action published(String code) {
        return new Action(code, null);
    }

    /** An action published as no event, and why. */
    public static Action notPublished(String code, String because) {
        return new Action(code, because);
    }
}
