package org.schooltrust.smp.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.schooltrust.smp.audit.AuditEntry;

/**
 * The event feature as other features use it (docs/architecture.md: features use each other through services): audit
 * publishes the events of recorded changes, webhooks read the feed and its horizon. The SQL is {@link EventStore}'s.
 */
@ApplicationScoped
public class EventService {

    /** One stored event and its feed position. */
    public record Stored(
            FeedPosition position,
            UUID id,
            String type,
            Instant occurredAt,
            String schoolUrn,
            String data,
            String payload) {}

    /** Fired when a transaction has written events; observers that act after commit use {@code AFTER_SUCCESS}. */
    public record Published(int count) {}

    /**
     * A page of the feed and the position below which every transaction had ended when it was read ({@code settled}:
     * nothing can ever appear at or before it that is not already there).
     */
    public record Slice(List<Stored> events, FeedPosition settled, int limit) {

        /** Where a reader that asked for {@code limit} resumes: past everything it was served, and past the settled
         * position when the page was not full (events it may not read are skipped once and for all). */
        public FeedPosition resumeAfter(FeedPosition after) {
            FeedPosition last =
                    events.isEmpty() ? after : events.get(events.size() - 1).position();
            if (events.size() >= limit) {
                return last;
            }
            return last.compareTo(settled) >= 0 ? last : settled;
        }
    }

    @Inject
    EventStore store;

    /** Publishes the events of audited changes in the caller's transaction: one batched insert, however many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(List<AuditEntry> changes, Instant now) {
        store.publish(changes, now);
    }

    /** A page of the feed for {@code audience} after {@code after} (EventStore.after). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Slice after(FeedPosition after, Audience audience, Set<String> types, Set<String> schools, int limit) {
        return store.after(after, audience, types, schools, limit, true);
    }

    /** The greatest position retention has disposed of: a cursor below it may have missed events. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FeedPosition horizon() {
        return store.horizon();
    }
}
