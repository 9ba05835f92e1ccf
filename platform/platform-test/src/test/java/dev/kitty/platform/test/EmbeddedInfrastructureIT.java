package dev.kitty.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.kitty.infra.EmbeddedKafkaBroker;
import dev.kitty.infra.EmbeddedMailServer;
import dev.kitty.infra.EmbeddedPostgresServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

@SpringBootTest(classes = ProbeApplication.class)
@EmbeddedInfrastructure
class EmbeddedInfrastructureIT {

    @Autowired JdbcTemplate jdbc;
    @Autowired EmbeddedPostgresServer postgres;
    @Autowired JdbcConnectionDetails jdbcConnectionDetails;
    @Autowired KafkaTemplate<String, String> kafkaTemplate;
    @Autowired EmbeddedKafkaBroker kafka;
    @Autowired KafkaConnectionDetails kafkaConnectionDetails;
    @Autowired JavaMailSender mailSender;
    @Autowired EmbeddedMailServer mail;
    @Autowired TestTokens tokens;
    @Autowired Environment environment;

    @Test
    void dataSourceUsesTheJvmDatabaseOnTheEmbeddedServer() {
        var session = jdbc.queryForMap("select current_database() as db, current_user as login, inet_server_port() as port");

        assertThat(session).containsEntry("db", "kitty_test").containsEntry("login", "kitty_test")
                .containsEntry("port", postgres.port());
        assertThat(jdbcConnectionDetails.getJdbcUrl()).isEqualTo(postgres.jdbcUrl("kitty_test"));
        jdbc.execute("create table if not exists probe (id uuid primary key)");
        jdbc.update("insert into probe values (?)", UUID.randomUUID());
    }

    @Test
    void kafkaTemplatePublishesToTheEmbeddedBrokerAndTopicRecordsReadsIt() throws Exception {
        String key = UUID.randomUUID().toString();

        kafkaTemplate.send("probe.events", key, "{\"hello\":\"kitty\"}").get(10, TimeUnit.SECONDS);

        var records = TopicRecords.await(kafka.bootstrapServers(), "probe.events", r -> key.equals(r.key()), Duration.ofSeconds(20));
        assertThat(records.getLast().value()).isEqualTo("{\"hello\":\"kitty\"}");
        assertThat(kafkaConnectionDetails.getBootstrapServers()).containsExactly(kafka.bootstrapServers());
    }

    @Test
    void topicRecordsReportsWhatItReadWhenNothingMatches() throws Exception {
        String topic = "probe.misses." + UUID.randomUUID();
        kafkaTemplate.send(topic, "k", "not what you wait for").get(10, TimeUnit.SECONDS);

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> TopicRecords.await(kafka.bootstrapServers(), topic, r -> false, Duration.ofSeconds(2)))
                .withMessageContaining("read 1")
                .withMessageContaining("not what you wait for");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> TopicRecords.await(kafka.bootstrapServers(), "probe.never", r -> true, Duration.ofSeconds(1)))
                .withMessageContaining("did not appear");
    }

    @Test
    void javaMailSenderDeliversToTheEmbeddedMailServer() throws Exception {
        String to = UUID.randomUUID() + "@kitty.test";
        var message = new SimpleMailMessage();
        message.setFrom("no-reply@kitty.test");
        message.setTo(to);
        message.setSubject("Goal reached");
        message.setText("The piggy bank is full");

        mailSender.send(message);

        await().atMost(Duration.ofSeconds(10)).until(() -> mail.receivedMessages().stream().anyMatch(m -> isTo(m, to)));
        var received = mail.receivedMessages().stream().filter(m -> isTo(m, to)).findFirst().orElseThrow();
        assertThat(received.getSubject()).isEqualTo("Goal reached");
    }

    @Test
    void jwksEndpointServesThePublicKeyThatVerifiesAccessTokens() throws Exception {
        UUID userId = UUID.randomUUID();
        RSAKey key = publishedKey();
        SignedJWT jwt = SignedJWT.parse(tokens.accessToken(userId, "ann@kitty.test", "USER", "ADMIN"));

        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(tokens.keyId());
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(environment.getProperty("kitty.security.issuer")).isEqualTo("http://kitty.test");
        assertThat(claims.getAudience()).containsExactly(environment.getProperty("kitty.security.audience"));
        assertThat(claims.getSubject()).isEqualTo(userId.toString());
        assertThat(claims.getExpirationTime().toInstant()).isBetween(Instant.now().plusSeconds(540), Instant.now().plusSeconds(601));
        assertThat(claims.getNotBeforeTime()).isNotNull();
        assertThat(claims.getIssueTime()).isNotNull();
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getStringClaim("email")).isEqualTo("ann@kitty.test");
        assertThat(claims.getBooleanClaim("email_verified")).isTrue();
        assertThat(claims.getStringListClaim("roles")).containsExactly("USER", "ADMIN");
        assertThat(claims.getStringListClaim("amr")).containsExactly("pwd");
        assertThat(claims.getStringClaim("token_use")).isEqualTo("access");
    }

    @Test
    void signAcceptsAnyHeaderAndClaimsForAttackTests() throws Exception {
        String token = tokens.sign(new JWSHeader(JWSAlgorithm.RS256),
                tokens.validClaims(UUID.randomUUID()).issuer("http://evil.invalid").build());

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getKeyID()).isNull();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("http://evil.invalid");
        assertThat(jwt.verify(new RSASSAVerifier(publishedKey()))).isTrue();
    }

    @Test
    void switchesDiscoveryOffAndOverridesApplicationYml() {
        assertThat(environment.getProperty("eureka.client.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("spring.cloud.discovery.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("spring.mail.host")).isEqualTo("127.0.0.1");
        assertThat(environment.getProperty("spring.mail.port", Integer.class)).isEqualTo(mail.smtpPort());
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return address.equals(message.getRecipients(Message.RecipientType.TO)[0].toString());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private RSAKey publishedKey() throws Exception {
        URI jwkSetUri = URI.create(environment.getRequiredProperty("kitty.security.jwk-set-uri"));
        assertThat(jwkSetUri.getPath()).isEqualTo("/oauth2/jwks");
        try (var http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(jwkSetUri).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return (RSAKey) JWKSet.parse(response.body()).getKeyByKeyId(tokens.keyId());
        }
    }
}
