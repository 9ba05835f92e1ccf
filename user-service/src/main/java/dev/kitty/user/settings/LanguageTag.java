package dev.kitty.user.settings;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jspecify.annotations.Nullable;

/** A well-formed BCP 47 language tag with a language, e.g. {@code en} or {@code de-AT}. Null and blank are left to {@code @NotBlank}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LanguageTag.Validator.class)
@interface LanguageTag {

    String message() default "must be a BCP 47 language tag, e.g. en or de-AT";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<LanguageTag, String> {

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || SettingValues.locale(value).isPresent();
        }
    }
}
