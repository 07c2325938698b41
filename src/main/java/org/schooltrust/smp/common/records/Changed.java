package org.schooltrust.smp.common.records;

import java.util.List;

/**
 * What a domain transition returns in the record + versioned-store style (ADR 0012): the next state and the names of
 * the fields it changed — what the store writes, what the audit entry lists, and (empty) that there is nothing to
 * write. One shape for every record's transitions.
 */
public record Changed<T>(T next, List<String> fields) {

    public Changed {
        fields = List.copyOf(fields);
    }

    /** No change: the same state, nothing to write or audit. */
    public static <T> Changed<T> none(T same) {
        return new Changed<>(same, List.of());
    }

    public boolean any() {
        return !fields.isEmpty();
    }
}
