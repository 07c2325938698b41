package org.schooltrust.smp.common.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An id that will sit in a URL path must not be {@code .} or {@code ..}: a client or proxy normalises those away, so
 * the record could never be addressed. Kept apart from the id's {@code @Pattern} so that the released contract's
 * pattern stays as published (the rule is stated in the field's description).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotDotSegment.Validator.class)
public @interface NotDotSegment {

    String message() default "must not be '.' or '..'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NotDotSegment, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || !(value.equals(".") || value.equals(".."));
        }
    }
}
