package dev.kitty.platform.revocation;

import dev.kitty.identity.events.CredentialsRevoked;
import dev.kitty.identity.events.IdentityEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@link IdentityEvents#CREDENTIALS_REVOKED} from {@code identity.events} into
 * {@link RevokedCredentials}, and republishes each new one as an application event for whoever
 * holds credentials to drop (the gateway's token cache).
 *
 * <p>Unlike the service's ordinary consumer, every instance must see every revocation, so each
 * instance reads in a consumer group of its own (never committed, gone when the instance stops)
 * and, whenever partitions are assigned, starts {@code retention} back in time: a service that
 * starts a minute after an account was locked still refuses that account's older tokens. A record
 * that cannot be read is skipped (the service's ordinary consumer dead-letters bad records).
 */
class RevocationFeed implements SmartLifecycle, MessageListener<String, byte[]>, ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);

    private final RevokedCredentials revoked;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Duration retention;
    private final Clock clock;
    private final KafkaMessageListenerContainer<String, byte[]> container;

    RevocationFeed(Map<String, Object> consumerProperties, String applicationName, RevokedCredentials revoked,
            ApplicationEventPublisher events, JsonMapper json, Duration retention, Clock clock) {
        this.revoked = revoked;
        this.events = events;
        this.json = json;
        this.retention = retention;
        this.clock = clock;
        var properties = new HashMap<>(consumerProperties);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, applicationName + "-revocations-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // auth-service creates the topic with its partition count; a consumer must never create it with the broker's
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // find the topic within seconds when this instance starts before auth-service created it
        properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000);
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        var consumers = new DefaultKafkaConsumerFactory<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        var containerProperties = new ContainerProperties(IdentityEvents.TOPIC);
        containerProperties.setMessageListener(this);
        // nothing is ever committed: a fresh group reads from the retention horizon every time
        containerProperties.setAckMode(ContainerProperties.AckMode.MANUAL);
        containerProperties.setMissingTopicsFatal(false);
        this.container = new KafkaMessageListenerContainer<>(consumers, containerProperties);
        this.container.setBeanName(applicationName + "-revocation-feed");
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        callback.seekToTimestamp(assignments.keySet(), clock.instant().minus(retention).toEpochMilli());
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            var envelope = json.readTree(record.value());
            if (!IdentityEvents.CREDENTIALS_REVOKED.name().equals(envelope.path("type").asString(""))) {
                return;
            }
            var revocation = json.treeToValue(envelope.get("data"), CredentialsRevoked.class);
            if (revoked.record(revocation)) {
                log.info("Credentials of account {} revoked at {} ({})", revocation.userId(), revocation.revokedAt(), revocation.reason());
                events.publishEvent(revocation);
            }
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            log.warn("Skipping unreadable record {}-{}@{} on the revocation feed: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    }

    @Override
    public void start() {
        container.start();
    }

    @Override
    public void stop() {
        container.stop();
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }
}
