package dev.kitty.user.settings;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;

/** Strict parsing of the text forms of settings: what the JDK parses leniently is refused here. */
final class SettingValues {

    private SettingValues() {
    }

    /** Only currencies money can be kept in: gold, test and "no currency" codes have no minor digits. */
    static Optional<Currency> currency(String code) {
        try {
            return Optional.of(Currency.getInstance(code)).filter(currency -> currency.getDefaultFractionDigits() >= 0);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@link Locale#forLanguageTag} turns garbage into the root locale; the builder refuses what is not well-formed. */
    static Optional<Locale> locale(String tag) {
        try {
            var locale = new Locale.Builder().setLanguageTag(tag).build();
            return locale.getLanguage().isEmpty() ? Optional.empty() : Optional.of(locale);
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    static Optional<ZoneId> timeZone(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
