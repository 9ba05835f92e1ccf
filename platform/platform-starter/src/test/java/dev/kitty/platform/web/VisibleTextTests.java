package dev.kitty.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VisibleTextTests {

    record Named(@VisibleText String name) {}

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Ann", "José", "Jose\u0301", "李小龍", "محمد\u200Cرضا", "👩\u200D👩\u200D👧", "x", "Ann  Lee", "O'Brien-Smith"})
    void acceptsNamesWithSomethingToSee(String name) {
        assertThat(VisibleText.Validator.isVisibleText(name)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", " ", "\t\n", "\u00A0", "\u200B\u200B", "\u2060", "\uFEFF", "\u3164", "\u115F\u1160", "\u2800",
            "\u0301", "\uE000", "\u0000", "Ann\u0000", "Ann\u0007", "Ann\u007F", "Ann\u0085", "\u202E", "Ann\u202Egnp",
            "\u2066Ann\u2069", "Ann\uD800"})
    void refusesNamesMadeOfNothingVisibleOrHidingControls(String name) {
        assertThat(VisibleText.Validator.isVisibleText(name)).isFalse();
    }

    @Test
    void isABeanValidationConstraintThatLeavesNullToOthers() {
        try (var factory = Validation.buildDefaultValidatorFactory()) {
            var validator = factory.getValidator();

            assertThat(validator.validate(new Named(null))).isEmpty();
            assertThat(validator.validate(new Named("\u200B"))).singleElement()
                    .satisfies(violation -> assertThat(violation.getPropertyPath().toString()).isEqualTo("name"));
        }
    }
}
