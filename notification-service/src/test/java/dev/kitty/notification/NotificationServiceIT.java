package dev.kitty.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.platform.test.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
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

        assertThat(applied).contains("0.1", "0.2", "1", "2", "3");
        var tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'").query(String.class).list();
        assertThat(tables).contains("event_publication", "processed_event", "delivery_log", "notification_settings", "notification");
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

    @Test
    void givesUpOnAHungMailServerWithinSeconds(@Autowired JavaMailSender mailSender) {
        assertThat(((JavaMailSenderImpl) mailSender).getJavaMailProperties())
                .containsEntry("mail.smtp.connectiontimeout", "5000")
                .containsEntry("mail.smtp.timeout", "10000")
                .containsEntry("mail.smtp.writetimeout", "10000");
    }

    @Test
    void keepsItsApiBehindATokenAndItsHealthOpen() {
        assertThat(mvc.get().uri("/api/notifications")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/actuator/health/liveness")).hasStatus(HttpStatus.OK);
    }
}
