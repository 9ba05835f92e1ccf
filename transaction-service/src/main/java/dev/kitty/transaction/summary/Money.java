package dev.kitty.transaction.summary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Writes amounts with the currency's minor digits (JPY 0, EUR 2, KWD 3); the ledger never holds more. */
record Money(String currency) {

    int digits() {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    String format(BigDecimal amount) {
        return amount.setScale(digits(), RoundingMode.HALF_EVEN).toPlainString();
    }
}
