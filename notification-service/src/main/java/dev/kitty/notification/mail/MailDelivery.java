package dev.kitty.notification.mail;

import dev.kitty.platform.messaging.InvalidEventException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a mail and logs the attempt. A failure is logged and thrown on: the platform
 * retries the event with back-off and dead-letters it when the mail server stays down.
 */
@Component
class MailDelivery {

    /** Lets whoever reads the raw mail trace it back to the event that caused it. */
    static final String EVENT_ID_HEADER = "X-Kitty-Event-Id";

    private final JavaMailSender mailSender;
    private final NotificationProperties properties;
    private final DeliveryLog deliveryLog;

    MailDelivery(JavaMailSender mailSender, NotificationProperties properties, DeliveryLog deliveryLog) {
        this.mailSender = mailSender;
        this.properties = properties;
        this.deliveryLog = deliveryLog;
    }

    void deliver(ComposedMail mail, @Nullable UUID userId, String eventId) {
        var message = compose(mail, eventId);
        // Logged before sending, so that a database problem surfaces before the mail is out;
        // if sending fails, this row rolls back with the caller's transaction.
        deliveryLog.sent(mail, userId, eventId);
        try {
            mailSender.send(message);
        } catch (MailException e) {
            deliveryLog.failed(mail, userId, eventId, e);
            throw e;
        }
    }

    private MimeMessage compose(ComposedMail mail, String eventId) {
        try {
            var message = mailSender.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.sender());
            helper.setTo(new InternetAddress(mail.recipient(), true));
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            message.setHeader(EVENT_ID_HEADER, eventId);
            return message;
        } catch (MessagingException e) {
            // a recipient that is no address will not become one by retrying
            throw new InvalidEventException("Cannot write " + mail.template() + " mail of event " + eventId + ": " + e.getMessage(), e);
        }
    }
}
