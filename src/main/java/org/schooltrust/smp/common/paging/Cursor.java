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
            return Instant.parse(key);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("The cursor is not one this server issued for this list.");
        }
    }
}
