package dev.kitty.user.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A full replacement of the settings: every field is required. Nullable only until validated.
 * The sizes are the columns' (V1__profiles_and_settings.sql).
 */
record UpdateSettingsRequest(
        @NotBlank @Size(max = 3) @CurrencyCode @Nullable String currency,
        @NotBlank @Size(max = 64) @LanguageTag @Nullable String locale,
        @NotBlank @Size(max = 64) @TimeZoneId @Nullable String timeZone,
        @NotNull @Valid @Nullable Notifications notifications) {

    record Notifications(
            @NotNull @Nullable Boolean invitations,
            @NotNull @Nullable Boolean budgetAlerts,
            @NotNull @Nullable Boolean goalReached,
            @NotNull @Nullable Boolean monthlySummary) {

        NotificationPreferences toPreferences() {
            return new NotificationPreferences(Objects.requireNonNull(invitations), Objects.requireNonNull(budgetAlerts),
                    Objects.requireNonNull(goalReached), Objects.requireNonNull(monthlySummary));
        }
    }

    Currency currencyValue() {
        return SettingValues.currency(Objects.requireNonNull(currency)).orElseThrow();
    }

    Locale localeValue() {
        return SettingValues.locale(Objects.requireNonNull(locale)).orElseThrow();
    }

    ZoneId timeZoneValue() {
        return SettingValues.timeZone(Objects.requireNonNull(timeZone)).orElseThrow();
    }

    NotificationPreferences notificationPreferences() {
        return Objects.requireNonNull(notifications).toPreferences();
    }
}
