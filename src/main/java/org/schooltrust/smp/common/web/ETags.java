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

    /**
     * Honours an optional If-Match: absent passes; present must match the current version by strong comparison (RFC
     * 9110 13.1.1: a weak {@code W/} tag never matches), or be {@code *} when the record exists.
     */
    public static void checkIfPresent(String ifMatch, Long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        check(ifMatch, currentVersion, true);
    }

    private static void check(String ifMatch, Long currentVersion, boolean starAllowed) {
        if (!matches(ifMatch, currentVersion, starAllowed)) {
            throw new PreconditionFailedException(
                    currentVersion == null
                            ? "The record does not exist, so If-Match cannot match."
                            : "The record has changed since it was read; fetch it again and retry with the new ETag.");
        }
    }

    /**
     * For transitions by people: If-Match is required (428) and must name the version they reviewed (412): a weak
     * tag or {@code *} proves nothing about which version that was.
     */
    public static void checkRequired(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException("Send If-Match with the ETag of the version you reviewed.");
        }
        check(ifMatch, currentVersion, false);
    }

    static boolean matches(String ifMatch, Long currentVersion, boolean starAllowed) {
        if (currentVersion == null) {
            return false;
        }
        String current = "\"" + currentVersion + "\"";
        return Arrays.stream(ifMatch.split(","))
                .map(String::trim)
                .anyMatch(tag -> starAllowed && tag.equals("*") || tag.equals(current));
    }

    /**
     * If-None-Match by weak comparison (RFC 9110 13.1.2): {@code *} or any listed tag, weak or strong, naming the
     * current value. (JAX-RS {@code Request.evaluatePreconditions} in RESTEasy Reactive does not compare a weak tag in
     * a list, so the one implementation of both conditional headers lives here.)
     */
    public static boolean noneMatchHits(String ifNoneMatch, String currentValue) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String quoted = "\"" + currentValue + "\"";
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(quoted)) {
                return true;
            }
        }
        return false;
    }
}
