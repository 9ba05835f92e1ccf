package dev.kitty.notification.mail;

import dev.kitty.platform.test.EventsOnKafka;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kitty.identity.events.EmailVerificationRequested;
import dev.kitty.identity.events.IdentityEvents;
import dev.kitty.identity.events.PasswordResetRequested;
import dev.kitty.infra.EmbeddedMailServer;
import dev.kitty.platform.test.EmbeddedInfrastructure;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Account mails, from the identity event on the real topic to the message in the real (embedded) mail server. */
@SpringBootTest
@AutoConfigureMockMvc // the same context as the other ITs: one consumer in the group, one start-up
@EmbeddedInfrastructure
class AccountMailIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    JsonMapper json;

    EventsOnKafka events;

    final UUID user = UUID.randomUUID();
    final String address = "ann." + user + "@example.com";
    final String token = "verify-" + UUID.randomUUID();

    @BeforeEach
    void events() {
        events = new EventsOnKafka(kafka, json);
    }

    @Test
    void mailsTheVerificationTokenAndLinkAndLogsTheDelivery() throws Exception {
        var eventId = events.send(IdentityEvents.EMAIL_VERIFICATION_REQUESTED, verificationRequested());

        var mail = awaitMailsTo(address, 1).getFirst();

        assertThat(mail.getSubject()).isEqualTo("Verify your email address for Kitty");
        assertThat(Arrays.stream(mail.getFrom()).map(Address::toString)).containsExactly("Kitty <no-reply@kitty.local>");
        assertThat(textOf(mail, "text/plain")).contains("Hello Ann,", token, "http://localhost:8080/verify-email?token=" + token);
        assertThat(textOf(mail, "text/html")).contains("href=\"http://localhost:8080/verify-email?token=" + token + "\"");
        assertThat(mail.getHeader(MailDelivery.EVENT_ID_HEADER)).containsExactly(eventId);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveries(eventId)).containsExactly("SENT " + address + " VERIFY_EMAIL"));
    }

    @Test
    void sendsNoSecondMailWhenTheSameEventIsDeliveredAgain() throws Exception {
        var eventId = UUID.randomUUID().toString();
        events.send(IdentityEvents.EMAIL_VERIFICATION_REQUESTED, verificationRequested(), eventId, user.toString());
        events.send(IdentityEvents.EMAIL_VERIFICATION_REQUESTED, verificationRequested(), eventId, user.toString());
        // same key, so handled after both deliveries above
        events.send(IdentityEvents.PASSWORD_RESET_REQUESTED, resetRequested());

        var mails = awaitMailsTo(address, 2);

        assertThat(mails).extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder("Verify your email address for Kitty", "Reset your Kitty password");
        assertThat(deliveries(eventId)).containsExactly("SENT " + address + " VERIFY_EMAIL");
    }

    @Test
    void mailsThePasswordResetTokenAndLink() throws Exception {
        var eventId = events.send(IdentityEvents.PASSWORD_RESET_REQUESTED, resetRequested());

        var mail = awaitMailsTo(address, 1).getFirst();

        assertThat(mail.getSubject()).isEqualTo("Reset your Kitty password");
        assertThat(textOf(mail, "text/plain")).contains("reset-" + user, "http://localhost:8080/reset-password?token=reset-" + user);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveries(eventId)).containsExactly("SENT " + address + " RESET_PASSWORD"));
    }

    @Test
    void sendsNoLinkThatExpiredBeforeTheEventWasHandled() throws Exception {
        var expired = new EmailVerificationRequested(user, address, "Ann", token, Instant.now().minus(1, ChronoUnit.HOURS));
        var staleId = events.send(IdentityEvents.EMAIL_VERIFICATION_REQUESTED, expired);
        events.send(IdentityEvents.PASSWORD_RESET_REQUESTED, resetRequested());

        assertThat(awaitMailsTo(address, 1)).extracting(MimeMessage::getSubject).containsExactly("Reset your Kitty password");
        assertThat(deliveries(staleId)).isEmpty();
    }

    private EmailVerificationRequested verificationRequested() {
        return new EmailVerificationRequested(user, address, "Ann", token, Instant.now().plus(1, ChronoUnit.DAYS));
    }

    private PasswordResetRequested resetRequested() {
        return new PasswordResetRequested(user, address, "reset-" + user, Instant.now().plus(1, ChronoUnit.HOURS));
    }

    private List<MimeMessage> awaitMailsTo(String recipient, int count) {
        return await().atMost(PATIENCE).until(() -> mailsTo(recipient), mails -> mails.size() >= count);
    }

    private List<MimeMessage> mailsTo(String recipient) {
        return mailServer.receivedMessages().stream().filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equals(recipient));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private List<String> deliveries(String eventId) {
        return jdbc.sql("SELECT status || ' ' || recipient || ' ' || template FROM delivery_log WHERE event_id = ? ORDER BY sent_at")
                .param(eventId).query(String.class).list();
    }

    /** The decoded text of the first part of the given type, however deeply the multipart nests it. */
    private static String textOf(Part part, String mimeType) throws Exception {
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
    }
}
