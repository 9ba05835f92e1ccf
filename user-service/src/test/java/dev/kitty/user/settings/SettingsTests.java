package dev.kitty.user.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.user.DomainEvents;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTests {

    private static final UUID USER = UUID.fromString("3f8a2c7e-5b1d-4e6f-9a0b-1c2d3e4f5a6b");

    @Test
    void newUsersGetEuroEnglishUtcAndEveryNotification() {
        var settings = Settings.defaultsFor(USER);

        assertThat(settings.currency()).isEqualTo("EUR");
        assertThat(settings.locale()).isEqualTo("en");
        assertThat(settings.timeZone()).isEqualTo("UTC");
        assertThat(settings.notifications()).isEqualTo(new NotificationPreferences(true, true, true, true));
        assertThat(DomainEvents.recordedBy(settings))
                .containsExactly(new SettingsChanged(USER, "EUR", "en", "UTC", true, true, true, true, 1));
    }

    @Test
    void changesAreStoredInCanonicalFormAndRecorded() {
        var settings = Settings.defaultsFor(USER);
        DomainEvents.clear(settings);

        var changed = settings.change(Currency.getInstance("GBP"), Locale.forLanguageTag("en-gb"), ZoneId.of("Europe/London"),
                new NotificationPreferences(true, true, false, true));

        assertThat(changed).isTrue();
        assertThat(settings.locale()).isEqualTo("en-GB");
        assertThat(DomainEvents.recordedBy(settings))
                .containsExactly(new SettingsChanged(USER, "GBP", "en-GB", "Europe/London", true, true, false, true, 2));
    }

    @Test
    void replacingSettingsWithTheSameValuesRecordsNothing() {
        var settings = Settings.defaultsFor(USER);
        DomainEvents.clear(settings);

        var changed = settings.change(Currency.getInstance("EUR"), Locale.ENGLISH, ZoneId.of("UTC"), NotificationPreferences.ALL);

        assertThat(changed).isFalse();
        assertThat(DomainEvents.recordedBy(settings)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0} \"{1}\" valid: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            currency | EUR            | true
            currency | JPY            | true
            currency | eur            | false
            currency | EURO           | false
            currency | XYZ            | false
            currency | XAU            | false
            locale   | en             | true
            locale   | de-AT          | true
            locale   | zh-Hant-TW     | true
            locale   | EN-us          | true
            locale   | en_US          | false
            locale   | not a tag      | false
            locale   | x-private      | false
            locale   | english-language-tag-that-is-too-long | false
            timeZone | UTC            | true
            timeZone | Europe/Vienna  | true
            timeZone | +02:00         | true
            timeZone | Mars/Olympus   | false
            timeZone | Europe/vienna  | false
            """)
    void parsesSettingValuesStrictly(String setting, String value, boolean valid) {
        var parsed = switch (setting) {
            case "currency" -> SettingValues.currency(value);
            case "locale" -> SettingValues.locale(value);
            case "timeZone" -> SettingValues.timeZone(value);
            default -> throw new IllegalArgumentException(setting);
        };
        assertThat(parsed.isPresent()).isEqualTo(valid);
    }
}
