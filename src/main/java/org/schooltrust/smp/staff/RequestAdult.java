package org.schooltrust.smp.staff;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The adult the token names, read once per request (issue 22: "who am I" was loaded up to four times in one request);
 * forgotten when the register changes in the same request, so a write is never followed by a stale read.
 */
@RequestScoped
class RequestAdult {

    private Optional<Adult> adult;

    /** The adult as read earlier in this request, or {@code null} when not read yet (empty: the token names nobody). */
    Optional<Adult> cached() {
        return adult;
    }

    void remember(Optional<Adult> found) {
        adult = found;
    }

    void forget() {
        adult = null;
    }
}
