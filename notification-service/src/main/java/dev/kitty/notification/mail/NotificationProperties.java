package dev.kitty.notification.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param mailFrom  sender of every mail, an RFC 5322 address with an optional name
 * @param publicUrl where people reach Kitty (the gateway or the web app): links in mails point there
 */
@ConfigurationProperties("kitty.notification")
record NotificationProperties(
        @DefaultValue("Kitty <no-reply@kitty.local>") String mailFrom,
        @DefaultValue("http://localhost:8080") URI publicUrl) {

    NotificationProperties {
        try {
            // fail at start-up, not on the first mail
            new InternetAddress(mailFrom, true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("kitty.notification.mail-from is not a mail address: " + mailFrom, e);
        }
        if (!publicUrl.isAbsolute()) {
            throw new IllegalArgumentException("kitty.notification.public-url must be an absolute URL: " + publicUrl);
        }
    }

    InternetAddress sender() {
        try {
            return new InternetAddress(mailFrom, true);
        } catch (AddressException e) {
            throw new IllegalStateException(e); // validated when bound
        }
    }
}
