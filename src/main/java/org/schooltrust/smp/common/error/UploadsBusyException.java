package org.schooltrust.smp.common.error;

/** 503: as many uploads as this replica takes at once are in progress; retry after {@code Retry-After}. */
public class UploadsBusyException extends ApiException {

    public UploadsBusyException(String detail) {
        super(detail);
    }
}
