package org.schooltrust.smp.common.error;

import java.util.List;

/** The request is well-formed JSON but breaks one or more rules; every broken rule is listed. */
public class ValidationFailedException extends ApiException {

    private final List<FieldError> errors;

    public ValidationFailedException(List<FieldError> errors) {
        super(errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.");
        this.errors = List.copyOf(errors);
    }

    public static ValidationFailedException of(String field, String message) {
        return new ValidationFailedException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
