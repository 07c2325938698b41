package org.schooltrust.smp.common.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.schooltrust.smp.common.error.InvalidRequestException;

/** Opaque keyset cursors: the sort key of the last row returned, base64url-encoded. */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";

    private Cursor() {}

    public static String encode(String... keys) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join(SEPARATOR, keys).getBytes(StandardCharsets.UTF_8));
    }

    /** The keys of a cursor this server issued; anything else is a 400. */
    public static List<String> decode(String cursor, int expectedKeys) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> keys = List.of(raw.split(SEPARATOR, -1));
            if (keys.size() != expectedKeys) {
                throw new IllegalArgumentException("wrong number of keys");
            }
            return keys;
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("The cursor is not one this server issued for this list.");
        }
    }

    /** A cursor's UUID key; anything else is a 400 before it reaches SQL. */
    public static java.util.UUID uuid(String key) {
        try {
            return java.util.UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("The cursor is not one this server issued for this list.");
        }
    }

    public static Instant instant(String key) {
        try {
            Instant instant = Instant.parse(key);
            if (instant.isAfter(Instant.parse("9999-12-31T23:59:59.999999Z"))
                    || instant.isBefore(Instant.parse("0001-01-01T00:00:00Z"))) {
                throw new IllegalArgumentException("out of range");
            }
            return instant;
        } catch (RuntimeException e) {
            throw new InvalidRequestException("The cursor is not one this server issued for this list.");
        }
    }

    /** A keyset position of (time, id): the one codec for lists ordered by a timestamp then a UUID. */
    public record TimeAndId(Instant time, java.util.UUID id) {

        /** Before every row. */
        public static final TimeAndId START = new TimeAndId(Instant.EPOCH, new java.util.UUID(0, 0));

        /** The position a cursor names, {@link #START} without one; anything this server could not issue is a 400. */
        public static TimeAndId decode(String cursor) {
            if (cursor == null) {
                return START;
            }
            List<String> keys = Cursor.decode(cursor, 2);
            return new TimeAndId(Cursor.instant(keys.get(0)), Cursor.uuid(keys.get(1)));
        }

        public static String encode(Instant time, java.util.UUID id) {
            return Cursor.encode(time.toString(), id.toString());
        }
    }

    /**
     * A one-key cursor whose key must look like what the list is ordered by ({@code key}: an HR id, a slug, a URN),
     * so a forged key is refused before it reaches SQL; {@code null} without a cursor.
     */
    public static String key(String cursor, java.util.regex.Pattern key) {
        return cursor == null ? null : shaped(decode(cursor, 1).get(0), key);
    }

    /** One key of a cursor, refused (400) before it reaches SQL unless it has the shape this server issues. */
    public static String shaped(String value, java.util.regex.Pattern shape) {
        if (!shape.matcher(value).matches()) {
            throw new InvalidRequestException("The cursor is not one this server issued for this list.");
        }
        return value;
    }

    /** The shape of a school key (a 6-digit URN). */
    public static final java.util.regex.Pattern URN = java.util.regex.Pattern.compile("\\d{6}");
}
