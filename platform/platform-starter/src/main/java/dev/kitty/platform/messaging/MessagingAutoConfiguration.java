package dev.kitty.platform.messaging;

import dev.kitty.events.EventCatalog;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way every Kitty service publishes and consumes integration events: CloudEvents
 * JSON on Kafka, a transactional outbox (Spring Modulith's event publication registry,
 * externalized to Kafka), idempotent handlers, retries with back-off and a dead-letter
 * topic per consumer.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableScheduling
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Trace context in the envelope when a Micrometer tracer is there; without one, events travel without it. */
    @Bean
    EventTracing kittyEventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        var theTracer = tracer.getIfUnique();
        var thePropagator = propagator.getIfUnique();
        return theTracer == null || thePropagator == null ? EventTracing.NONE : new EventTracing(theTracer, thePropagator);
    }

    @Bean
    IntegrationEvents integrationEvents(ApplicationEventPublisher publisher, JsonMapper jsonMapper, ObjectProvider<EventCatalog> published,
            @Value("${spring.application.name}") String serviceName, Clock clock, EventTracing tracing) {
        return new IntegrationEvents(publisher, jsonMapper, published.orderedStream().toList(), "/kitty/" + serviceName, clock, tracing);
    }

    @Bean
    EventExternalizationConfiguration eventExternalization() {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> event instanceof OutgoingEvent)
                .route(OutgoingEvent.class, event -> RoutingTarget.forTarget(event.topic()).andKey(event.key()))
                .mapping(OutgoingEvent.class, OutgoingEvent::envelope)
                .build();
    }

    @Bean
    FlywayConfigurationCustomizer platformMigrations() {
        // The outbox and the processed-event log live in every service's database; their
        // migrations ship with the platform and are versioned V0_x so they run first.
        return configuration -> {
            var locations = Stream.concat(Stream.of(configuration.getLocations()), Stream.of(new Location("classpath:db/platform")));
            configuration.locations(locations.distinct().toArray(Location[]::new));
        };
    }

    @Bean
    OutboxResubmission outboxResubmission(IncompleteEventPublications incomplete, MessagingProperties properties) {
        return new OutboxResubmission(incomplete, properties);
    }

    @Bean
    KafkaAdmin.NewTopics kittyTopics(ObjectProvider<EventCatalog> published, MessagingProperties properties,
            @Value("${kitty.messaging.replication-factor:1}") short replication) {
        return new KafkaAdmin.NewTopics(published.orderedStream().flatMap(catalog -> catalog.topics().stream()).distinct()
                .map(topic -> new NewTopic(topic, properties.partitions(), replication)).toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetteringErrorHandler(KafkaOperations<?, ?> kafka, MessagingProperties properties,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        var recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(DeadLetters.topicFor(record.topic(), group), -1));
        var backOff = new ExponentialBackOff(properties.retryBackoff().toMillis(), 2.0);
        backOff.setMaxAttempts(properties.retryAttempts());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class, DeserializationException.class);
        // a database that is away for a while: wait for it rather than dead-letter events that would succeed
        handler.setBackOffFunction((record, failure) -> TransientFailures.isTransient(failure)
                ? untilItPasses(properties) : null);
        return handler;
    }

    private static ExponentialBackOff untilItPasses(MessagingProperties properties) {
        var backOff = new ExponentialBackOff(properties.retryBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(properties.transientRetryMaxBackoff().toMillis());
        return backOff;
    }

    @Bean
    ProcessedEvents processedEvents(JdbcClient jdbc, Clock clock) {
        return new ProcessedEvents(jdbc, clock);
    }

    @Bean
    ProcessedEventPruning processedEventPruning(ProcessedEvents processedEvents, MessagingProperties properties, Clock clock) {
        return new ProcessedEventPruning(processedEvents, properties, clock);
    }

    @Bean
    InboundEvents inboundEvents(ConfigurableListableBeanFactory beans, ConcurrentKafkaListenerContainerFactory<?, ?> containers,
            KafkaAdmin admin, JsonMapper jsonMapper, ProcessedEvents processedEvents, PlatformTransactionManager transactionManager,
            MessagingProperties properties, EventTracing tracing, @Value("${spring.kafka.consumer.group-id}") String group,
            @Value("${kitty.messaging.replication-factor:1}") short replication) {
        var transactions = new TransactionTemplate(transactionManager);
        return new InboundEvents(beans, containers, admin,
                listeners -> new InboundEventDispatcher(listeners, jsonMapper, processedEvents, transactions, tracing),
                topic -> new NewTopic(DeadLetters.topicFor(topic, group), properties.partitions(), replication),
                group + "-inbound-events");
    }

    @Bean(name = "kafka")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(Map.copyOf(admin.getConfigurationProperties()));
    }
}
