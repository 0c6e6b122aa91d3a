package org.glossa.shared.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.IllformedLocaleException;
import java.util.Locale;

/** A well-formed BCP 47 language tag such as {@code es}, {@code pt-BR} or {@code zh-Hant}; null is allowed. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LanguageTag.Validator.class)
public @interface LanguageTag {

    String message() default "must be a BCP 47 language tag such as es or pt-BR";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LanguageTag, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || normalize(value) != null;
        }

        /** The tag in its canonical case ({@code pt-BR}), or null when it is not a language tag. */
        public static String normalize(String value) {
            if (value.isBlank() || value.length() > 35) {
                return null;
            }
            try {
                Locale locale = new Locale.Builder().setLanguageTag(value).build();
                return locale.getLanguage().isEmpty() ? null : locale.toLanguageTag();
            } catch (IllformedLocaleException e) {
                return null;
            }
        }
    }
}
