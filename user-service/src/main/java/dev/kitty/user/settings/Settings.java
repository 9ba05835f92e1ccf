package dev.kitty.user.settings;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A user's preferences. Kept as the canonical text forms (ISO 4217 code, BCP 47 tag, zone
 * id) because that is what clients and the replicas in other services read; the typed
 * parameters guarantee only valid values get in.
 */
@Entity
@Table(name = "settings")
class Settings extends AbstractAggregateRoot<Settings> {

    static final Currency DEFAULT_CURRENCY = Currency.getInstance("EUR");
    static final Locale DEFAULT_LOCALE = Locale.ENGLISH;
    static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("UTC");

    @Id
    private UUID userId;
    private String currency;
    private String locale;
    private String timeZone;
    @Embedded
    private NotificationPreferences notifications;
    /**
     * Counts the states other services were told about, from 1; travels as
     * {@code NotificationSettingsChanged.version} so that their replicas can ignore an older
     * state arriving late (ADR 9). Not the JPA version, which moves once per flush.
     */
    private long revision;
    @Version
    private @Nullable Long version;

    protected Settings() {
        // for JPA
    }

    private Settings(UUID userId) {
        this.userId = Objects.requireNonNull(userId, "userId");
        this.currency = DEFAULT_CURRENCY.getCurrencyCode();
        this.locale = DEFAULT_LOCALE.toLanguageTag();
        this.timeZone = DEFAULT_TIME_ZONE.getId();
        this.notifications = NotificationPreferences.ALL;
        this.revision = 1;
        registerEvent(changed());
    }

    static Settings defaultsFor(UUID userId) {
        return new Settings(userId);
    }

    /** @return whether anything changed; other services only hear about real changes */
    boolean change(Currency currency, Locale locale, ZoneId timeZone, NotificationPreferences notifications) {
        var newCurrency = currency.getCurrencyCode();
        var newLocale = locale.toLanguageTag();
        var newTimeZone = timeZone.getId();
        if (newCurrency.equals(this.currency) && newLocale.equals(this.locale) && newTimeZone.equals(this.timeZone)
                && notifications.equals(this.notifications)) {
            return false;
        }
        this.currency = newCurrency;
        this.locale = newLocale;
        this.timeZone = newTimeZone;
        this.notifications = notifications;
        revision++;
        registerEvent(changed());
        return true;
    }

    private SettingsChanged changed() {
        return new SettingsChanged(userId, currency, locale, timeZone, notifications.invitations(), notifications.budgetAlerts(),
                notifications.goalReached(), notifications.monthlySummary(), revision);
    }

    UUID userId() {
        return userId;
    }

    String currency() {
        return currency;
    }

    String locale() {
        return locale;
    }

    String timeZone() {
        return timeZone;
    }

    NotificationPreferences notifications() {
        return notifications;
    }
}
