package dev.kitty.transaction.money;

import dev.kitty.platform.web.FieldError;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Amounts of money: positive, with at most the currency's minor digits ({@link Currency#getDefaultFractionDigits()}),
 * and below {@value #LIMIT_TEXT} (no household books a trillion; the column holds 15 integer digits). Stored as
 * NUMERIC, shown as a decimal string with exactly the currency's digits ({@code "12.50"}).
 */
public final class Money {

    private static final String LIMIT_TEXT = "1000000000000";
    /** Amounts must be below this. */
    public static final BigDecimal LIMIT = new BigDecimal(LIMIT_TEXT);

    private Money() {
    }

    /** The currency's minor digits; 4 (what the columns hold) for a code without a fixed number (XXX, XAU). */
    public static int digits(String currency) {
        try {
            var digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 4 : digits;
        } catch (IllegalArgumentException unknown) {
            return 2;
        }
    }

    /** @return what is wrong with a positive amount in the currency, if anything */
    public static Optional<FieldError> problem(String field, BigDecimal amount, String currency) {
        if (amount.signum() <= 0) {
            return Optional.of(new FieldError(field, "must be greater than zero"));
        }
        if (amount.compareTo(LIMIT) >= 0) {
            return Optional.of(new FieldError(field, "must be less than " + LIMIT_TEXT));
        }
        var digits = digits(currency);
        if (amount.stripTrailingZeros().scale() > digits) {
            return Optional.of(new FieldError(field, "must have at most " + digits + " decimal places in " + currency));
        }
        return Optional.empty();
    }

    /** Adds the problem of the amount, if any, to {@code errors}. */
    public static void check(String field, BigDecimal amount, String currency, List<FieldError> errors) {
        problem(field, amount, currency).ifPresent(errors::add);
    }

    /** The amount as a decimal string with the currency's digits ({@code "12.50"}, {@code "1200"} for JPY). */
    public static String format(BigDecimal amount, String currency) {
        var digits = digits(currency);
        var stripped = amount.stripTrailingZeros();
        return (stripped.scale() <= digits ? stripped.setScale(digits) : stripped).toPlainString();
    }

    /** The canonical form of an amount, for comparing requests: no trailing zeros, no exponent. */
    public static String canonical(BigDecimal amount) {
        var stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
