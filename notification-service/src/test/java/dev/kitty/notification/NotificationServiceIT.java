package dev.kitty.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kitty.platform.test.EmbeddedInfrastructure;
import dev.kitty.platform.test.TestTokens;
import dev.kitty.platform.test.web.TokenGate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class NotificationServiceIT {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void migratesThePlatformTablesAndItsOwnSchema() {
        var applied = jdbc.sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank").query(String.class).list();

        assertThat(applied).contains("0.1", "0.2", "1", "2", "3", "4", "5", "6", "7", "8");
        var tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'").query(String.class).list();
        assertThat(tables).contains("event_publication", "processed_event", "delivery_log", "notification_settings", "notification",
                "mail_outbox", "recipient", "deleted_user", "budget", "budget_member", "deleted_budget");
    }

    @Test
    void isReadyWhenItsDatabaseAndKafkaAreWithoutWaitingForTheMailServer() {
        var readiness = mvc.get().uri("/actuator/health/readiness");

        assertThat(readiness)
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"status": "UP", "components": {"db": {"status": "UP"}, "kafka": {"status": "UP"}}}
                        """);
        assertThat(readiness).bodyJson().extractingPath("$.components").asMap().doesNotContainKey("mail");
    }

    /**
     * The outbox sender holds a row lock while it sends: a server that accepts the connection and
     * then says nothing must fail the attempt within seconds (the outbox retries it later), not hold
     * the lock and the sender's thread. Without the configured timeouts JavaMail waits for ever and
     * this test times out.
     */
    @Test
    void givesUpOnAMailServerThatNeverAnswersWithinSeconds(@Autowired JavaMailSender mailSender) throws IOException {
        try (var silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var configured = (JavaMailSenderImpl) mailSender;
            var toSilentServer = new JavaMailSenderImpl();
            toSilentServer.setJavaMailProperties(configured.getJavaMailProperties());
            toSilentServer.setHost(silent.getInetAddress().getHostAddress());
            toSilentServer.setPort(silent.getLocalPort());
            var mail = new SimpleMailMessage();
            mail.setFrom("no-reply@kitty.test");
            mail.setTo("ann@kitty.test");
            mail.setText("never delivered");

            assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThatExceptionOfType(MailSendException.class).isThrownBy(() -> toSilentServer.send(mail)));
        }
    }

    /**
     * The resource server in front of the API: a call without a token must be refused before any
     * endpoint is looked up (401 problem, not 404), a valid token must get past it, and health must stay open.
     */
    @Test
    void refusesApiCallsWithoutATokenBeforeLookingForAnEndpointAndKeepsHealthOpen(@Autowired TestTokens tokens) {
        TokenGate.refusesCallsWithoutATokenBeforeLookingForAnEndpoint(mvc, tokens.accessToken(UUID.randomUUID(), "ann@kitty.test", "USER"));
        assertThat(mvc.get().uri("/actuator/health/liveness")).hasStatus(HttpStatus.OK);
    }
}
