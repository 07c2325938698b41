package org.schooltrust.smp.common.error;

/** The resource does not exist or is not visible to the caller (another school's record answers the same). */
public class ResourceNotFoundException extends ApiException {

    public ResourceNotFoundException(String detail) {
        super(detail);
    }
}
