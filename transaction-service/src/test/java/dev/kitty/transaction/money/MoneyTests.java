package dev.kitty.transaction.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTests {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "12.5, EUR, ",
            "12.50, EUR, ",
            "12.500000, EUR, ",
            "1.005, EUR, decimal places",
            "0, EUR, greater than zero",
            "0.00, EUR, greater than zero",
            "-1, EUR, greater than zero",
            "999999999999.99, EUR, ",
            "1000000000000, EUR, less than",
            "1E+400, EUR, less than",
            "1E-400, EUR, decimal places",
            "1200, JPY, ",
            "1200.5, JPY, decimal places",
            "0.125, KWD, ",
            "0.1255, KWD, decimal places",
            "1E+2, EUR, "})
    void acceptsPositiveAmountsWithTheCurrencysDigitsBelowATrillion(String amount, String currency, String problem) {
        var found = Money.problem("amount", new BigDecimal(amount), currency);
        if (problem == null) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).hasValueSatisfying(error -> assertThat(error.message()).contains(problem));
        }
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({"12.5, EUR, 12.50", "12.5000, EUR, 12.50", "1E+2, EUR, 100.00", "1200.0000, JPY, 1200", "0.1250, KWD, 0.125"})
    void showsTheCurrencysDigits(String amount, String currency, String shown) {
        assertThat(Money.format(new BigDecimal(amount), currency)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} ≡ {1}")
    @CsvSource({"7.5, 7.50", "1E+2, 100", "100.000, 100"})
    void comparesAmountsByValue(String one, String other) {
        assertThat(Money.canonical(new BigDecimal(one))).isEqualTo(Money.canonical(new BigDecimal(other)));
    }
}
