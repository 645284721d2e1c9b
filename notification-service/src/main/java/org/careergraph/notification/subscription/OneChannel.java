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

/** A subscription tells one channel: an email address or a webhook URL, not both, not neither. Reported on both. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Constraint(validatedBy = {})
@interface OneChannel {

    String message() default "give either email or webhookUrl";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @Singleton
    class Validator implements ConstraintValidator<OneChannel, SubscriptionRequest> {

        private static final List<String> FIELDS = List.of("email", "webhookUrl");

        @Override
        public boolean isValid(SubscriptionRequest request, AnnotationValue<OneChannel> annotation,
                               ConstraintValidatorContext context) {
            if (request == null || isBlank(request.email()) != isBlank(request.webhookUrl())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (String field : FIELDS) {
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode(field).addConstraintViolation();
            }
            return false;
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }
}
