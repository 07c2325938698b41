package org.schooltrust.smp.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.schooltrust.smp.common.error.GoneException;
import org.schooltrust.smp.common.error.ResourceNotFoundException;
import org.schooltrust.smp.common.error.ValidationFailedException;
import org.schooltrust.smp.common.security.Caller;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.event.EventViews.EventPage;
import org.schooltrust.smp.event.EventViews.EventView;

/** The pull feed: the system of record for events, scoped to what the caller could read through the API. */
@ApplicationScoped
public class EventFeed {

    /** At most this many names in a {@code types} filter. */
    static final int MAX_TYPES = 64;

    @Inject
    EventStore store;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    /** The caller's audience: the union of what each of its roles may read. */
    public Audience audienceOfCaller() {
        List<Audience> audiences = new ArrayList<>();
        for (Role role : caller.roles()) {
            Set<String> schools = role == Role.HEAD_OF_SCHOOL
                    ? caller.headedSchools()
                    : role == Role.DSL ? caller.dslSchools() : caller.schools();
            audiences.add(Audience.of(role, schools));
        }
        return Audience.union(audiences);
    }

    @Inject
    FeedRateLimit rateLimit;

    public EventPage read(String cursor, String types, String school, int limit) {
        rateLimit.take(caller.subject());
        Audience audience = audienceOfCaller();
        FeedPosition after = FeedPosition.decode(cursor);
        Set<String> wanted = filter(types, audience);
        if (school != null && !audience.reaches(school)) {
            throw new ResourceNotFoundException("No school " + school + " in the caller's scope.");
        }
        EventService.Slice slice =
                store.after(after, audience, wanted, school == null ? null : Set.of(school), limit + 1);
        // checked after the read: a retention sweep that ran meanwhile is caught too
        if (cursor != null && after.compareTo(store.horizon()) < 0) {
            throw new GoneException("The cursor is older than the feed's retention: events after it have been"
                    + " disposed of. Re-sync through the API, then read the feed without a cursor.");
        }
        boolean more = slice.events().size() > limit;
        List<EventService.Stored> page = more ? slice.events().subList(0, limit) : slice.events();
        FeedPosition next = more ? page.get(limit - 1).position() : slice.resumeAfter(after);
        return new EventPage(page.stream().map(this::view).toList(), next.encode(), more);
    }

    /**
     * The requested type names, each a known type (else 422 naming it); the audience's own when none is asked for. A
     * known type outside the audience is simply never served.
     */
    public static Set<String> filter(String types, Audience audience) {
        if (types == null || types.isBlank()) {
            return audience.wireNames();
        }
        Set<String> known = EventType.wireNames();
        Set<String> wanted = new TreeSet<>();
        String[] names = types.split(",", -1);
        if (names.length > MAX_TYPES) {
            throw ValidationFailedException.of("types", "at most " + MAX_TYPES + " type names");
        }
        for (String name : names) {
            String trimmed = name.strip();
            if (!known.contains(trimmed)) {
                throw ValidationFailedException.of("types", "unknown event type; the contract lists every type");
            }
            wanted.add(trimmed);
        }
        return wanted;
    }

    EventView view(EventService.Stored row) {
        try {
            return new EventView(row.id(), row.type(), row.occurredAt(), row.schoolUrn(), json.readTree(row.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event data is JSON", e);
        }
    }
}
