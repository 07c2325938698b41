package org.schooltrust.smp.common.web;

import java.util.function.Function;

/**
 * What a write returns to its resource: the body, its version (the ETag; {@code null} for records that never change,
 * which carry none), and whether this request created it (201 with {@code Location}) or found it (200).
 */
public record Versioned<T>(T body, Long version, boolean created) {

    public static <T> Versioned<T> created(T body, Long version) {
        return new Versioned<>(body, version, true);
    }

    public static <T> Versioned<T> existing(T body, Long version) {
        return new Versioned<>(body, version, false);
    }

    public <R> Versioned<R> map(Function<T, R> mapper) {
        return new Versioned<>(mapper.apply(body), version, created);
    }
}
