package dev.kitty.notification.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Hands one outbox mail to the SMTP server; throws when it cannot. */
@Component
class MailDelivery {

    /** Lets whoever reads the raw mail trace it back to the event that caused it. */
    static final String EVENT_ID_HEADER = "X-Kitty-Event-Id";

    private final JavaMailSender mailSender;
    private final NotificationProperties properties;

    MailDelivery(JavaMailSender mailSender, NotificationProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    /** The Message-ID of an outbox mail: the same on every attempt, so a resend after a crash is recognisable as such. */
    static String messageId(OutboxMail mail) {
        return "<" + mail.id() + "@notification.kitty>";
    }

    void deliver(OutboxMail mail) {
        var message = mailSender.createMimeMessage();
        try {
            var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.sender());
            helper.setTo(new InternetAddress(mail.recipient(), true));
            helper.setSubject(mail.subject());
            helper.setText(mail.textBody(), mail.htmlBody());
            if (mail.inlineImageId() != null && mail.inlineImage() != null) {
                // after setText, as MimeMessageHelper wants: the image joins the HTML in multipart/related
                helper.addInline(mail.inlineImageId(), new ByteArrayResource(mail.inlineImage()), "image/png");
            }
            message.setHeader(EVENT_ID_HEADER, mail.eventId());
            // JavaMailSenderImpl keeps a Message-ID set before sending
            message.setHeader("Message-ID", messageId(mail));
        } catch (MessagingException e) {
            throw new MailPreparationException("Cannot write mail " + mail.id() + ": " + e.getMessage(), e);
        }
        mailSender.send(message);
    }
}
