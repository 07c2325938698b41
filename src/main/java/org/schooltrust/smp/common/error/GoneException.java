package org.schooltrust.smp.common.error;

/** 410 (ErrorTable): a feed cursor older than the feed's retention; the reader must re-sync from the API. */
public class GoneException extends ApiException {

    public GoneException(String detail) {
        super(detail);
    }
}
