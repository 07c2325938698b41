package org.schooltrust.smp.common.error;

/** The request is malformed (for example a cursor that this server did not issue). */
public class InvalidRequestException extends ApiException {

    public InvalidRequestException(String detail) {
        super(detail);
    }
}
