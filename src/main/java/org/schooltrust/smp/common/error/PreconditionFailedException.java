package org.schooltrust.smp.common.error;

/** The If-Match header does not match the resource's current ETag. */
public class PreconditionFailedException extends ApiException {

    public PreconditionFailedException(String detail) {
        super(detail);
    }
}
