package org.schooltrust.smp.common.error;

/**
 * An {@code Idempotency-Key} sent again with a different request (IETF draft "The Idempotency-Key HTTP Header
 * Field", section 2.7): 422, and nothing is written. A replay with the same request answers the first response.
 */
public class IdempotencyKeyReusedException extends ApiException {

    public IdempotencyKeyReusedException(String what) {
        super("This Idempotency-Key was already used for a different " + what + "; use a new key for a new request.");
    }
}
