package dev.kitty.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.kitty.budget.events.BudgetEvents;
import dev.kitty.budget.events.InviteCreated;
import dev.kitty.identity.events.IdentityEvents;
import dev.kitty.identity.events.PasswordResetRequested;
import dev.kitty.infra.EmbeddedMailServer;
import dev.kitty.notification.Mailbox;
import dev.kitty.platform.test.EmbeddedInfrastructure;
import dev.kitty.platform.test.EventsOnKafka;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox against real SMTP servers: an outage delays mail but loses and doubles none, a mail
 * that cannot be sent is given up after the configured attempts without holding up the others,
 * and nothing of a mail's content stays once it is out (ADR 11, ADR 3). The test settings
 * (src/test/resources/config) make the sender retry within a second and give up after 6 attempts.
 */
@SpringBootTest
@AutoConfigureMockMvc // the same context as the other ITs: one consumer in the group, one start-up
@EmbeddedInfrastructure
class MailOutboxIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    JavaMailSender mailSender;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry meters;

    @Autowired
    OutboxProperties outboxProperties;

    EventsOnKafka events;

    @BeforeEach
    void events() {
        events = new EventsOnKafka(kafka, json);
    }

    /**
     * The service's mail server goes away (a GreenMail SMTP server of this test, stopped; the
     * shared one stays for the other tests), ten events arrive, every mail fails at least once;
     * the server is started again on the same port and each of the ten arrives exactly once.
     */
    @Test
    void tenMailsWrittenDuringAnSmtpOutageArriveExactlyOnceWhenTheServerIsBack() {
        var sender = (JavaMailSenderImpl) mailSender;
        var sharedPort = sender.getPort();
        var smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        var port = smtp.getSmtp().getPort();
        smtp.stop();
        sender.setPort(port);
        GreenMail restarted = null;
        try {
            var recipients = new ArrayList<String>();
            var eventIds = new ArrayList<String>();
            for (int i = 0; i < 10; i++) {
                var user = UUID.randomUUID();
                var address = "outage-" + i + "." + user + "@example.com";
                recipients.add(address);
                eventIds.add(events.send(IdentityEvents.PASSWORD_RESET_REQUESTED,
                        new PasswordResetRequested(user, address, "reset-" + user, Instant.now().plus(1, ChronoUnit.HOURS))));
            }
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(eventIds).allSatisfy(id -> assertThat(attempts(id, "FAILED")).isPositive()));
            assertThat(eventIds).allSatisfy(id -> assertThat(attempts(id, "SENT")).isZero());

            restarted = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            restarted.start();
            var server = restarted;
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(eventIds).allSatisfy(id -> assertThat(status(id)).containsExactly("SENT")));

            List<MimeMessage> received = List.of(server.getReceivedMessages());
            Map<String, Long> perRecipient = recipients.stream()
                    .collect(Collectors.toMap(Function.identity(), address -> (long) Mailbox.to(() -> received, address).size()));
            assertThat(perRecipient).allSatisfy((address, count) -> assertThat(count).as(address).isEqualTo(1));
            var messageIds = received.stream().map(Mailbox::messageId).toList();
            assertThat(messageIds).doesNotHaveDuplicates();
            assertThat(eventIds).allSatisfy(id -> assertThat(messageIds).contains("<" + outboxId(id) + "@notification.kitty>"));
            assertThat(eventIds).allSatisfy(id -> assertThat(attempts(id, "SENT")).isEqualTo(1));
        } finally {
            sender.setPort(sharedPort);
            if (restarted != null) {
                restarted.stop();
            }
        }
    }

    @Test
    void aMailThatKeepsFailingIsGivenUpAfterTheLastAttemptWithoutHoldingUpOthers() {
        var givenUpBefore = meters.counter("kitty.notification.mails.given-up").count();
        var hopeless = events.send(BudgetEvents.INVITE_CREATED, invite("not an address"));
        var address = "fine." + UUID.randomUUID() + "@example.com";
        var fine = events.send(BudgetEvents.INVITE_CREATED, invite(address));

        await().atMost(PATIENCE).until(() -> Mailbox.to(mailServer::receivedMessages, address).size() == 1);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(hopeless)).containsExactly("FAILED"));

        assertThat(status(fine)).containsExactly("SENT");
        assertThat(attempts(hopeless, "FAILED")).isEqualTo(outboxProperties.maxAttempts());
        assertThat(jdbc.sql("SELECT error FROM delivery_log WHERE event_id = ?").param(hopeless).query(String.class).list())
                .allSatisfy(error -> assertThat(error).isNotBlank());
        assertThat(meters.counter("kitty.notification.mails.given-up").count()).isGreaterThanOrEqualTo(givenUpBefore + 1);
        assertThat(contentLeft(hopeless)).isZero();
    }

    @Test
    void aSentMailKeepsNoContentAndCarriesAMessageIdOfItsOutboxRow() {
        var user = UUID.randomUUID();
        var address = "token." + user + "@example.com";
        var eventId = events.send(IdentityEvents.PASSWORD_RESET_REQUESTED,
                new PasswordResetRequested(user, address, "secret-" + user, Instant.now().plus(1, ChronoUnit.HOURS)));

        var mail = await().atMost(PATIENCE).until(() -> Mailbox.to(mailServer::receivedMessages, address), mails -> mails.size() == 1).getFirst();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(eventId)).containsExactly("SENT"));

        assertThat(Mailbox.messageId(mail)).isEqualTo("<" + outboxId(eventId) + "@notification.kitty>");
        assertThat(contentLeft(eventId)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE text_body LIKE ? OR html_body LIKE ?")
                .params("%secret-" + user + "%", "%secret-" + user + "%").query(Long.class).single()).isZero();
    }

    @Test
    void finishedRowsArePrunedAfterTheRetentionAndWaitingOnesNever(@Autowired OutboxSender sender) {
        var user = UUID.randomUUID();
        var old = Instant.now().minus(outboxProperties.retention()).minus(1, ChronoUnit.HOURS);
        for (var row : List.of(List.of("SENT", old), List.of("FAILED", old), List.of("SENT", Instant.now()))) {
            jdbc.sql("""
                    INSERT INTO mail_outbox (id, user_id, recipient, template, event_id, status, next_attempt_at, created_at, finished_at)
                    VALUES (?, ?, 'x@example.com', 'INVITATION', ?, ?, ?, ?, ?)
                    """).params(UUID.randomUUID(), user, UUID.randomUUID().toString(), row.get(0), java.sql.Timestamp.from((Instant) row.get(1)),
                    java.sql.Timestamp.from((Instant) row.get(1)), java.sql.Timestamp.from((Instant) row.get(1))).update();
        }
        jdbc.sql("""
                INSERT INTO mail_outbox (id, user_id, recipient, template, event_id, status, next_attempt_at, created_at)
                VALUES (?, ?, NULL, 'INVITATION', ?, 'PENDING', ?, ?)
                """).params(UUID.randomUUID(), user, UUID.randomUUID().toString(), java.sql.Timestamp.from(old), java.sql.Timestamp.from(old))
                .update();

        sender.prune();

        assertThat(jdbc.sql("SELECT status FROM mail_outbox WHERE user_id = ? ORDER BY status").param(user).query(String.class).list())
                .containsExactly("PENDING", "SENT");
    }

    private InviteCreated invite(String email) {
        return new InviteCreated(UUID.randomUUID(), UUID.randomUUID(), "Household", email, "MEMBER", UUID.randomUUID(), "Ann",
                Instant.now().plus(7, ChronoUnit.DAYS));
    }

    private List<String> status(String eventId) {
        return jdbc.sql("SELECT status FROM mail_outbox WHERE event_id = ?").param(eventId).query(String.class).list();
    }

    private UUID outboxId(String eventId) {
        return jdbc.sql("SELECT id FROM mail_outbox WHERE event_id = ?").param(eventId).query(UUID.class).single();
    }

    private long attempts(String eventId, String status) {
        return jdbc.sql("SELECT count(*) FROM delivery_log WHERE event_id = ? AND status = ?").params(eventId, status).query(Long.class)
                .single();
    }

    private long contentLeft(String eventId) {
        return jdbc.sql("""
                SELECT count(*) FROM mail_outbox
                WHERE event_id = ? AND (subject IS NOT NULL OR text_body IS NOT NULL OR html_body IS NOT NULL)
                """).param(eventId).query(Long.class).single();
    }
}
