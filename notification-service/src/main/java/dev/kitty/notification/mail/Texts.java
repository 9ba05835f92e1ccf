package dev.kitty.notification.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The message bundles ({@code i18n/messages*.properties}: English, the fallback, and German) for
 * everything a person reads: mail subjects and bodies, in-app titles and bodies.
 */
@Component
public class Texts {

    private final MessageSource messages;

    Texts(MessageSource messages) {
        this.messages = messages;
    }

    /** The user's BCP 47 tag as a locale; English when there is none or it names no language. */
    public static Locale localeOf(@Nullable String tag) {
        if (tag == null || tag.isBlank()) {
            return Locale.ENGLISH;
        }
        var locale = Locale.forLanguageTag(tag.strip());
        return locale.getLanguage().isEmpty() ? Locale.ENGLISH : locale;
    }

    /** Arguments are inserted as they are (MessageFormat does not read them as patterns). */
    public String get(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** The text for {@code key}, or {@code fallback} when the bundles have none (a role or change this version does not know). */
    public String getOrDefault(String key, String fallback, Locale locale, Object... args) {
        var text = messages.getMessage(key, args, fallback, locale);
        return text == null ? fallback : text;
    }

    /** A date and time for people, in their zone (UTC when unknown), e.g. "1 Dec 2026, 10:15 UTC"; empty when there is none. */
    public static String dateTime(@Nullable Instant at, Locale locale, ZoneId zone) {
        if (at == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).withZone(zone).format(at)
                + " " + zone.getId();
    }

    public static ZoneId zoneOf(@Nullable String timeZone) {
        try {
            return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
        } catch (java.time.DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
