package org.schooltrust.smp.common.error;

/** The request conflicts with the current state of the resource. */
public class ConflictException extends ApiException {

    public ConflictException(String detail) {
        super(detail);
    }
}
