package org.schooltrust.smp.common.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.schooltrust.smp.common.error.ValidationFailedException;

/**
 * Parses query parameters whose bad values must answer a 422 naming the parameter. (JAX-RS turns a failed conversion
 * of a typed query parameter into a 404, which would tell an integrator the path does not exist.)
 */
public final class QueryParams {

    private QueryParams() {}

    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ValidationFailedException.of(name, "must be an ISO-8601 UTC instant, e.g. 2026-01-31T09:00:00Z");
        }
    }

    /** An ISO-8601 duration ({@code PT24H}, {@code PT0S}), or null when absent. */
    public static java.time.Duration duration(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ValidationFailedException.of(name, "must be an ISO-8601 duration, e.g. PT24H or PT0S");
        }
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ValidationFailedException.of(name, "must be true or false");
        };
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type, E defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ValidationFailedException.of(
                    name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
