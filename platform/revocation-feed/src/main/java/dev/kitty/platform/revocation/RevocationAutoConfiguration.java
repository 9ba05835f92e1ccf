package dev.kitty.platform.revocation;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link RevokedCredentials} deny-list fed from Kafka in every application that has Kafka
 * configured; {@code kitty.security.revocation.enabled=false} turns it off.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnBean(KafkaProperties.class)
@ConditionalOnProperty(name = "kitty.security.revocation.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RevocationProperties.class)
public class RevocationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RevokedCredentials revokedCredentials(RevocationProperties properties, ObjectProvider<Clock> clock) {
        return new RevokedCredentials(properties.retention(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    RevocationFeed revocationFeed(KafkaProperties kafka, ObjectProvider<KafkaConnectionDetails> connection,
            @Value("${spring.application.name:application}") String applicationName, RevokedCredentials revoked,
            ApplicationEventPublisher events, ObjectProvider<JsonMapper> json, RevocationProperties properties,
            ObjectProvider<Clock> clock) {
        var consumerProperties = kafka.buildConsumerProperties();
        connection.ifAvailable(details -> consumerProperties.put("bootstrap.servers",
                String.join(",", details.getBootstrapServers())));
        return new RevocationFeed(consumerProperties, applicationName, revoked, events,
                json.getIfAvailable(() -> JsonMapper.builder().build()), properties.retention(), clock.getIfAvailable(Clock::systemUTC));
    }
}
