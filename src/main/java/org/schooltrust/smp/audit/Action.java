package org.schooltrust.smp.audit;

/**
 * An audited action: one constant of a feature's {@code XAction} enum (issue 22), so an entry can only name an action
 * that exists. Its {@link #code} is what the trail stores and what {@code event/EventType} matches on. An action is
 * published as the events the catalog maps it to, or says why it is not — {@code EventCatalogTest} holds the two to
 * each other.
 */
public interface Action {

    /** The stable name in the audit trail, e.g. {@code policy.version.published}. */
    String code();

    /** Why no event is published for it (a read, a draft, a records act…), or null when one is. */
    String notPublishedBecause();
}
