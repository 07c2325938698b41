package org.schooltrust.smp.common.error;

/** The caller's roles do not allow this operation. */
public class AccessDeniedException extends ApiException {

    public AccessDeniedException(String detail) {
        super(detail);
    }
}
