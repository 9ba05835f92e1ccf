package dev.kitty.user.settings;

import dev.kitty.user.web.UserProblems;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
public class SettingsManagement {

    private final SettingsRepository settings;

    SettingsManagement(SettingsRepository settings) {
        this.settings = settings;
    }

    /**
     * Gives a new user the default settings, unless they have settings already.
     *
     * @return whether settings were created
     */
    public boolean createDefaultsFor(UUID userId) {
        if (settings.existsById(userId)) {
            return false;
        }
        settings.save(Settings.defaultsFor(userId));
        return true;
    }

    /** Deletes the user's settings, if they have any, inside the caller's deleting transaction. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void deleteFor(UUID userId) {
        settings.findById(userId).ifPresent(settings::delete);
    }

    @Transactional(readOnly = true)
    Settings find(UUID userId) {
        return settings.findById(userId).orElseThrow(UserProblems::profileNotFound);
    }

    Settings change(UUID userId, Currency currency, Locale locale, ZoneId timeZone, NotificationPreferences notifications) {
        var current = find(userId);
        if (current.change(currency, locale, timeZone, notifications)) {
            settings.save(current);
        }
        return current;
    }
}
