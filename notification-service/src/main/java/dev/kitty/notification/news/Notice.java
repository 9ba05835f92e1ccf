package dev.kitty.notification.news;

import dev.kitty.notification.mail.MailTemplate;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One piece of news for one user: the in-app notification's {@code type}, the texts (message keys,
 * their arguments made for the user's locale) and the mail it becomes.
 *
 * @param budgetId where the notification goes with its budget; null for news that must outlive it
 * @param address  where to mail it when not the address {@code recipient} holds (a security notice goes to the event's)
 */
record Notice(UUID userId, Topic topic, String type, MailTemplate template, @Nullable UUID budgetId, @Nullable String address,
        String titleKey, String bodyKey, Function<Locale, Object[]> args) {
}
