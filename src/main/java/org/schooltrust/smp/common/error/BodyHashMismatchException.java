package org.schooltrust.smp.common.error;

/** 409 with its own problem type (ErrorTable): The text the caller was shown is not the text of the version. */
public class BodyHashMismatchException extends ConflictException {

    public BodyHashMismatchException(String detail) {
        super(detail);
    }
}
