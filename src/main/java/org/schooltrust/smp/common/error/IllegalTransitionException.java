package org.schooltrust.smp.common.error;

/** 409 with its own problem type (ErrorTable): The resource is in a state that does not allow this transition. */
public class IllegalTransitionException extends ConflictException {

    public IllegalTransitionException(String detail) {
        super(detail);
    }
}
