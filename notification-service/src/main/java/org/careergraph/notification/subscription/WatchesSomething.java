package org.careergraph.notification.subscription;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * A new subscription must watch something: occupation ids, code prefixes, countries or every Green List change.
 * Reported on each of those fields, together with any other invalid field, so that one answer lists everything to fix.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Constraint(validatedBy = {})
@interface WatchesSomething {

    String message() default "occupationIds, codePrefixes, countries or anyGreenListChange must name a watch";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @Singleton
    class Validator implements ConstraintValidator<WatchesSomething, SubscriptionRequest> {

        private static final List<String> FIELDS = List.of("occupationIds", "codePrefixes", "countries",
                "anyGreenListChange");

        @Override
        public boolean isValid(SubscriptionRequest request, AnnotationValue<WatchesSomething> annotation,
                               ConstraintValidatorContext context) {
            if (request == null || !isEmpty(request.occupationIds()) || !isEmpty(request.codePrefixes())
                    || !isEmpty(request.countries()) || Boolean.TRUE.equals(request.anyGreenListChange())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (String field : FIELDS) {
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode(field).addConstraintViolation();
            }
            return false;
        }

        private static boolean isEmpty(List<?> list) {
            return list == null || list.isEmpty();
        }
    }
}
