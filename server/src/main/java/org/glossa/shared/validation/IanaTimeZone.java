package org.glossa.shared.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.ZoneId;

/** An IANA time zone name such as {@code Europe/Madrid}; null is allowed (use @NotNull to forbid it). */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IanaTimeZone.Validator.class)
public @interface IanaTimeZone {

    String message() default "must be an IANA time zone such as Europe/Madrid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IanaTimeZone, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isZone(value);
        }

        /** Region ids only (and UTC): fixed offsets such as +02:00 are not a place a learner lives in. */
        public static boolean isZone(String value) {
            if (value.equals("UTC")) {
                return true;
            }
            try {
                return ZoneId.getAvailableZoneIds().contains(value) && ZoneId.of(value) != null;
            } catch (DateTimeException e) {
                return false;
            }
        }
    }
}
