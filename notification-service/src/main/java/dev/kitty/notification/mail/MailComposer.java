package dev.kitty.notification.mail;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/** Writes the account mails. Everything that comes from an event is escaped: a display name is user input. */
@Component
class MailComposer {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final NotificationProperties properties;

    MailComposer(NotificationProperties properties) {
        this.properties = properties;
    }

    ComposedMail verification(String recipient, @Nullable String displayName, String token, @Nullable Instant expiresAt) {
        var link = link("/verify-email", token);
        var greeting = displayName == null || displayName.isBlank() ? "Hello" : "Hello " + displayName;
        var text = """
                %s,

                please confirm that this is your address for Kitty by opening this link:

                %s

                Or enter this code: %s
                %s

                If you did not create a Kitty account, ignore this mail.
                """.formatted(greeting, link, token, expiryLine(expiresAt));
        var html = """
                <!DOCTYPE html>
                <html><body>
                <p>%s,</p>
                <p>please confirm that this is your address for Kitty:</p>
                <p><a href="%s">Verify my email address</a></p>
                <p>Or enter this code: <code>%s</code></p>
                <p>%s</p>
                <p>If you did not create a Kitty account, ignore this mail.</p>
                </body></html>
                """.formatted(escape(greeting), escape(link.toString()), escape(token), escape(expiryLine(expiresAt)));
        return new ComposedMail(MailTemplate.VERIFY_EMAIL, recipient, "Verify your email address for Kitty", text, html);
    }

    ComposedMail passwordReset(String recipient, String token, @Nullable Instant expiresAt) {
        var link = link("/reset-password", token);
        var text = """
                Hello,

                somebody asked to reset the password of your Kitty account. To choose a new one, open this link:

                %s

                Or enter this code: %s
                %s

                If it was not you, ignore this mail: your password stays as it is.
                """.formatted(link, token, expiryLine(expiresAt));
        var html = """
                <!DOCTYPE html>
                <html><body>
                <p>Hello,</p>
                <p>somebody asked to reset the password of your Kitty account.</p>
                <p><a href="%s">Choose a new password</a></p>
                <p>Or enter this code: <code>%s</code></p>
                <p>%s</p>
                <p>If it was not you, ignore this mail: your password stays as it is.</p>
                </body></html>
                """.formatted(escape(link.toString()), escape(token), escape(expiryLine(expiresAt)));
        return new ComposedMail(MailTemplate.RESET_PASSWORD, recipient, "Reset your Kitty password", text, html);
    }

    private URI link(String path, String token) {
        return UriComponentsBuilder.fromUri(properties.publicUrl())
                .path(path)
                .queryParam("token", "{token}")
                .encode()
                .buildAndExpand(token)
                .toUri();
    }

    private static String expiryLine(@Nullable Instant expiresAt) {
        return expiresAt == null ? "" : "It is valid until " + EXPIRY.format(expiresAt) + ".";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text.strip());
    }
}
