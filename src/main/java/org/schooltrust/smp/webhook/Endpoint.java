package org.schooltrust.smp.webhook;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.schooltrust.smp.common.db.Sql;
import org.schooltrust.smp.common.security.Role;
import org.schooltrust.smp.event.Audience;
import org.schooltrust.smp.event.FeedPosition;

/**
 * A webhook endpoint: where events go, for which consumer identity, signed with which secrets, and how far the fan-out
 * has read the feed for it. Its rules are methods here; {@link WebhookEndpointStore} persists it.
 */
record Endpoint(
        UUID id,
        String url,
        String description,
        List<String> eventTypes,
        List<String> schools,
        String identityRole,
        List<String> identitySchools,
        boolean enabled,
        String disabledReason,
        String secret,
        String previousSecret,
        Instant previousSecretUntil,
        FeedPosition cursor,
        Instant failingSince,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** The test delivery an administrator asks for; not on the feed. */
    static final String PING = "webhook.ping";

    static final String COLUMNS = "id, url, description, event_types, school_filter, identity_role, identity_schools,"
            + " enabled, disabled_reason, secret, previous_secret, previous_secret_until, cursor_tx::text AS cursor_tx_text,"
            + " cursor_position, failing_since, version, created_at, updated_at";

    static Endpoint map(Sql.Row row) throws SQLException {
        return new Endpoint(
                row.uuid(1),
                row.string(2),
                row.string(3),
                row.strings(4),
                row.strings(5),
                row.string(6),
                row.strings(7),
                row.bool(8),
                row.string(9),
                row.string(10),
                row.string(11),
                row.instant(12),
                new FeedPosition(row.string(13), row.longValue(14)),
                row.instant(15),
                row.longValue(16),
                row.instant(17),
                row.instant(18));
    }

    /** The identity's role: the claim value of one of the feed roles. */
    Role role() {
        return Arrays.stream(Role.values())
                .filter(r -> r.claimValue().equals(identityRole))
                .findFirst()
                .orElseThrow();
    }

    /** What the identity could pull from the feed: the endpoint never receives more. */
    Audience audience() {
        return Audience.of(role(), Set.copyOf(identitySchools));
    }

    /** The wire type names to deliver: the filter, or every type the identity may read. */
    Set<String> types() {
        return eventTypes.isEmpty() ? audience().wireNames() : new TreeSet<>(eventTypes);
    }

    /** The school filter; null for every school the identity may read. */
    Set<String> schoolFilter() {
        return schools.isEmpty() ? null : Set.copyOf(schools);
    }

    /**
     * Whether a delivery of this wire type at this school (null: none) is still for this endpoint, as it is now: its
     * identity may read it and its filters take it (issue 25). Checked before every attempt, so a narrowed endpoint
     * receives nothing outside its new scope, whenever the delivery was queued.
     */
    boolean inScope(String wireType, String schoolUrn) {
        if (PING.equals(wireType)) {
            return true; // asked for by the Trust, carries no data
        }
        Set<String> filter = schoolFilter();
        return types().contains(wireType)
                && (filter == null || (schoolUrn != null && filter.contains(schoolUrn)))
                && audience().allowsWire(wireType, schoolUrn);
    }

    /** The secrets a delivery made at {@code now} is signed with: the current one, and the previous during overlap. */
    List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    /** Failing every attempt for longer than {@code limit}: the service disables it. */
    boolean failingLongerThan(Duration limit, Instant now) {
        return failingSince != null && !failingSince.plus(limit).isAfter(now);
    }

    /** The same endpoint with these secrets (the store opens them after reading). */
    Endpoint withSecrets(String current, String previous) {
        return new Endpoint(
                id,
                url,
                description,
                eventTypes,
                schools,
                identityRole,
                identitySchools,
                enabled,
                disabledReason,
                current,
                previous,
                previousSecretUntil,
                cursor,
                failingSince,
                version,
                createdAt,
                updatedAt);
    }

    /**
     * A new signing secret; the current one keeps signing (a second signature) for {@code overlap} after {@code now}.
     * An overlap of zero revokes the old secret at once: it is not kept at all (issue 25).
     */
    Endpoint rotated(String newSecret, Instant now, Duration overlap) {
        boolean keepOld = !overlap.isZero() && !overlap.isNegative();
        return new Endpoint(
                id,
                url,
                description,
                eventTypes,
                schools,
                identityRole,
                identitySchools,
                enabled,
                disabledReason,
                newSecret,
                keepOld ? secret : null,
                keepOld ? now.plus(overlap) : null,
                cursor,
                failingSince,
                version,
                createdAt,
                updatedAt);
    }

    /** Never the secrets. */
    @Override
    public String toString() {
        return "Endpoint[" + id + ", enabled=" + enabled + "]";
    }
}
