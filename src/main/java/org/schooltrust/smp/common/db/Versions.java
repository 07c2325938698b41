package org.schooltrust.smp.common.db;

import org.schooltrust.smp.common.error.PreconditionFailedException;

/**
 * The one answer to a versioned write that lost its race (ADR 0012): a store's {@code UPDATE … WHERE version = ?}
 * changed no row because someone else changed the record first, and the caller is told 412 — read it again.
 */
public final class Versions {

    private Versions() {}

    /** Throws 412 naming {@code what} unless the versioned write took. */
    public static void require(boolean written, String what) {
        if (!written) {
            throw new PreconditionFailedException(
                    "The " + what + " was changed by someone else meanwhile; read it again and retry.");
        }
    }
}
