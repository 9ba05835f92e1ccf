package dev.kitty.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jspecify.annotations.Nullable;

/**
 * Text a person shows to others (a display name, a budget or token name): at least one
 * character that is visible on its own, and no control characters. Refuses what
 * {@code @NotBlank} lets through: zero-width spaces ({@code "\u200B\u200B"}), the Hangul filler,
 * a lone combining mark, NUL and other C0/C1 controls, and the bidirectional overrides and
 * isolates ({@code U+202A..U+202E}, {@code U+2066..U+2069}) that make a name read differently
 * from how it sorts and compares. Other format characters (the zero-width joiner of emoji
 * sequences, the non-joiner Persian needs) are fine next to visible ones. {@code null} is valid:
 * pair with {@code @NotNull} or {@code @NotBlank}.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = VisibleText.Validator.class)
public @interface VisibleText {

    String message() default "must contain visible characters and no control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check itself, usable outside Bean Validation (e.g. in an entity's guard). */
    final class Validator implements ConstraintValidator<VisibleText, CharSequence> {

        @Override
        public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
            return value == null || isVisibleText(value);
        }

        public static boolean isVisibleText(CharSequence value) {
            var visible = false;
            for (var i = 0; i < value.length(); ) {
                var codePoint = Character.codePointAt(value, i);
                if (isControl(codePoint)) {
                    return false;
                }
                visible |= isVisible(codePoint);
                i += Character.charCount(codePoint);
            }
            return visible;
        }

        private static boolean isControl(int codePoint) {
            return Character.getType(codePoint) == Character.CONTROL
                    || Character.getType(codePoint) == Character.SURROGATE // a lone half of a pair
                    || (codePoint >= 0x202A && codePoint <= 0x202E)
                    || (codePoint >= 0x2066 && codePoint <= 0x2069);
        }

        private static boolean isVisible(int codePoint) {
            return switch (Character.getType(codePoint)) {
                case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.FORMAT,
                     Character.UNASSIGNED, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                     Character.PRIVATE_USE -> false;
                default -> !Character.isWhitespace(codePoint) && !isBlankFiller(codePoint);
            };
        }

        /** Letters and symbols that render as nothing: Hangul fillers, the Braille blank, Khmer inherent vowels. */
        private static boolean isBlankFiller(int codePoint) {
            return codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0
                    || codePoint == 0x2800 || codePoint == 0x17B4 || codePoint == 0x17B5;
        }
    }
}
