package org.schooltrust.smp.common.error;

/** 409 with its own problem type (ErrorTable): The resource already exists. */
public class DuplicateException extends ConflictException {

    public DuplicateException(String detail) {
        super(detail);
    }
}
