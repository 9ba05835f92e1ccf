package dev.kitty.notification.mail;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

import dev.kitty.platform.messaging.InvalidEventException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

class MailDeliveryTests {

    private static final UUID USER = UUID.randomUUID();

    private final JavaMailSender mailSender = mock(JavaMailSender.class);
    private final DeliveryLog deliveryLog = mock(DeliveryLog.class);
    private final MailDelivery delivery = new MailDelivery(mailSender,
            new NotificationProperties("Kitty <no-reply@kitty.local>", URI.create("http://localhost:8080")), deliveryLog);

    @BeforeEach
    void mimeMessages() {
        given(mailSender.createMimeMessage()).willAnswer(invocation -> new MimeMessage(Session.getInstance(new Properties())));
    }

    @Test
    void logsASentMail() {
        var mail = mail("ann@example.com");

        delivery.deliver(mail, USER, "event-1");

        then(mailSender).should().send(any(MimeMessage.class));
        then(deliveryLog).should().sent(mail, USER, "event-1");
        then(deliveryLog).should(never()).failed(any(), any(), any(), any());
    }

    @Test
    void logsAFailedMailAndThrowsSoThatThePlatformRetriesTheEvent() {
        var mail = mail("ann@example.com");
        var failure = new MailSendException("Connection refused");
        willThrow(failure).given(mailSender).send(any(MimeMessage.class));

        assertThatThrownBy(() -> delivery.deliver(mail, USER, "event-1")).isSameAs(failure);

        then(deliveryLog).should().failed(same(mail), same(USER), same("event-1"), same(failure));
    }

    @Test
    void refusesARecipientThatIsNoAddressWithoutRetrying() {
        assertThatThrownBy(() -> delivery.deliver(mail("not an address"), USER, "event-1")).isInstanceOf(InvalidEventException.class);

        then(mailSender).should(never()).send(any(MimeMessage.class));
    }

    private static ComposedMail mail(String recipient) {
        return new ComposedMail(MailTemplate.VERIFY_EMAIL, recipient, "Subject", "text", "<p>html</p>");
    }
}
