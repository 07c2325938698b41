package org.schooltrust.smp.socialaccount;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Bean Validation's view of the one reason rule, {@link SocialAccount#reasonProblem}, so it is reported with the rest. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = StrongReason.Validator.class)
@interface StrongReason {

    String message() default "must explain the pedagogical or business reason in at least 50 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StrongReason, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || SocialAccount.reasonProblem(value).isEmpty();
        }
    }
}
