package org.schooltrust.smp.common.web;

import jakarta.ws.rs.core.EntityTag;
import java.util.Arrays;
import org.schooltrust.smp.common.error.PreconditionFailedException;
import org.schooltrust.smp.common.error.PreconditionRequiredException;

/** Strong ETags from a record's version, and the one implementation of If-Match. */
public final class ETags {

    private ETags() {}

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Honours an optional If-Match: absent passes; present must match the current version (or be {@code *}). */
    public static void checkIfPresent(String ifMatch, Long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        if (!matches(ifMatch, currentVersion)) {
            throw new PreconditionFailedException(
                    currentVersion == null
                            ? "The record does not exist, so If-Match cannot match."
                            : "The record has changed since it was read; fetch it again and retry with the new ETag.");
        }
    }

    /** For transitions by people: If-Match is required (428) and must match (412). */
    public static void checkRequired(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException("Send If-Match with the ETag of the version you reviewed.");
        }
        checkIfPresent(ifMatch, currentVersion);
    }

    static boolean matches(String ifMatch, Long currentVersion) {
        if (currentVersion == null) {
            return false;
        }
        String current = Long.toString(currentVersion);
        return Arrays.stream(ifMatch.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals("*") || unquote(tag).equals(current));
    }

    private static String unquote(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
