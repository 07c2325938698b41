package org.schooltrust.smp.common.error;

/**
 * Base of every exception the service raises on purpose. Its HTTP status and problem type come from {@link ErrorTable},
 * its message becomes the problem's {@code detail}, so it must never contain personal data.
 */
public abstract class ApiException extends RuntimeException {

    protected ApiException(String detail) {
        super(detail, null, false, false);
    }
}
