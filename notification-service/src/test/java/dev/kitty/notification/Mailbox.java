package dev.kitty.notification;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** Reading what a mail server received, for the ITs. */
public final class Mailbox {

    private Mailbox() {
    }

    public static List<MimeMessage> to(Supplier<List<MimeMessage>> received, String recipient) {
        return received.get().stream().filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equalsIgnoreCase(recipient));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(Part part) {
        return textOf(part, "text/plain");
    }

    public static String html(Part part) {
        return textOf(part, "text/html");
    }

    /** The decoded text of the first part of the given type, however deeply the multipart nests it. */
    public static String textOf(Part part, String mimeType) {
        try {
            if (part.isMimeType(mimeType)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    var text = textOf(child, mimeType);
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
            return "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
