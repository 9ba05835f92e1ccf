package dev.kitty.notification.mail;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the other features call to mail somebody: renders the template in the recipient's locale
 * and writes the mail to the outbox in the caller's transaction (ADR 11); {@link OutboxSender}
 * sends it. A mail whose account's address is not known yet waits until it is.
 */
@Component
public class Mails {

    private final MailRenderer renderer;
    private final MailOutbox outbox;
    private final NotificationProperties properties;
    private final Clock clock;

    Mails(MailRenderer renderer, MailOutbox outbox, NotificationProperties properties, Clock clock) {
        this.renderer = renderer;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param userId    the account it is for, if any (erasure goes by it)
     * @param recipient the address; null when the account's is not known yet
     * @param variables the template's variables; {@code publicUrl} is added
     */
    public void queue(MailTemplate template, @Nullable UUID userId, @Nullable String recipient, String eventId, Locale locale,
            String subject, Map<String, Object> variables) {
        queue(template, userId, recipient, eventId, locale, subject, variables, null);
    }

    /** {@link #queue(MailTemplate, UUID, String, String, Locale, String, Map) queue}, with an image the HTML shows inline. */
    public void queue(MailTemplate template, @Nullable UUID userId, @Nullable String recipient, String eventId, Locale locale,
            String subject, Map<String, Object> variables, @Nullable InlineImage image) {
        if (userId == null && recipient == null) {
            throw new IllegalArgumentException("A mail needs a user or an address");
        }
        if (userId != null && outbox.isDeleted(userId)) {
            return; // a late event about a deleted account mails nobody
        }
        var all = new java.util.HashMap<>(variables);
        all.put("publicUrl", properties.publicUrl().toString());
        // a subject is one header line: names in it must not start another one (services refuse control characters; this is the net)
        var mail = renderer.render(template, subject.replaceAll("\\p{Cntrl}", " ").strip(), locale, all);
        outbox.add(UUID.randomUUID(), userId, recipient, template, eventId, mail, image, clock.instant());
    }

    /** The user's address arrived: their waiting mails can go. */
    public void addressKnown(UUID userId, String email) {
        outbox.addressKnown(userId, email);
    }

    /** A link under {@code kitty.notification.public-url}. */
    public String link(String path) {
        return UriComponentsBuilder.fromUri(properties.publicUrl()).path(path).build().toUriString();
    }

    /** A link under {@code kitty.notification.public-url} with one query parameter, encoded. */
    public String link(String path, String parameter, String value) {
        return UriComponentsBuilder.fromUri(properties.publicUrl()).path(path).queryParam(parameter, "{value}").encode()
                .buildAndExpand(value).toUriString();
    }
}
