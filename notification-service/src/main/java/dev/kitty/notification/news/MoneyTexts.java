package dev.kitty.notification.news;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Money and months from transaction events ({@code "412.30"}, {@code "2026-11"}) as people read them in their language. */
final class MoneyTexts {

    private MoneyTexts() {
    }

    /** {@code "412.30", "EUR"} → "412.30 EUR" in English, "412,30 EUR" in German: the digits the event has, grouped. */
    static String money(String amount, String currency, Locale locale) {
        BigDecimal value;
        try {
            value = new BigDecimal(amount);
        } catch (NumberFormatException e) {
            return amount + " " + currency;
        }
        var format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(Math.max(0, value.scale()));
        format.setMaximumFractionDigits(Math.max(0, value.scale()));
        return format.format(value) + " " + currency;
    }

    /** {@code "2026-11"} → "November 2026" / "November 2026"; the text as it is when it is no month. */
    static String month(String month, Locale locale) {
        return format(month, "LLLL yyyy", locale);
    }

    /** {@code "2026-11"} → "Nov 26", for the chart's axis. */
    static String shortMonth(String month, Locale locale) {
        return format(month, "LLL yy", locale);
    }

    private static String format(String month, String pattern, Locale locale) {
        try {
            return DateTimeFormatter.ofPattern(pattern, locale).format(YearMonth.parse(month));
        } catch (DateTimeException e) {
            return month;
        }
    }
}
