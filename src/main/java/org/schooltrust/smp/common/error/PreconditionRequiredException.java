package org.schooltrust.smp.common.error;

/** The operation needs an If-Match header with the resource's current ETag. */
public class PreconditionRequiredException extends ApiException {

    public PreconditionRequiredException(String detail) {
        super(detail);
    }
}
