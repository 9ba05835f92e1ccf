package dev.kitty.platform.messaging;

import dev.kitty.events.EventCatalog;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.admin.NewTopic;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The service's one consumer of integration events. Once every singleton exists it finds the
 * {@link IntegrationEventListener} methods; when there are any, it creates a dead-letter topic
 * per consumed topic and runs a listener container (from Boot's container factory, with the
 * platform's retrying, dead-lettering error handler) on the consumed topics.
 */
class InboundEvents implements SmartInitializingSingleton, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final ConfigurableListableBeanFactory beans;
    private final AbstractKafkaListenerContainerFactory<?, ?, ?> containers;
    private final KafkaAdmin admin;
    private final Function<List<ListenerMethod>, InboundEventDispatcher> dispatchers;
    private final Function<String, NewTopic> deadLetterTopicOf;
    private final String name;
    private @Nullable InboundEventDispatcher dispatcher;
    private @Nullable MessageListenerContainer container;

    InboundEvents(ConfigurableListableBeanFactory beans, AbstractKafkaListenerContainerFactory<?, ?, ?> containers, KafkaAdmin admin,
            Function<List<ListenerMethod>, InboundEventDispatcher> dispatchers, Function<String, NewTopic> deadLetterTopicOf, String name) {
        this.beans = beans;
        this.containers = containers;
        this.admin = admin;
        this.dispatchers = dispatchers;
        this.deadLetterTopicOf = deadLetterTopicOf;
        this.name = name;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var classLoader = beans.getBeanClassLoader() != null ? beans.getBeanClassLoader() : getClass().getClassLoader();
        var listeners = ListenerMethods.in(beans, EventCatalog.onClassPath(classLoader));
        if (!listeners.isEmpty()) {
            log.info("Integration event listeners: {}", listeners);
            dispatcher = dispatchers.apply(listeners);
        }
    }

    @Override
    public void start() {
        var current = dispatcher;
        if (current == null || container != null) {
            return;
        }
        var topics = current.topics();
        try {
            admin.createOrModifyTopics(Arrays.stream(topics).map(deadLetterTopicOf).toArray(NewTopic[]::new));
        } catch (RuntimeException e) {
            log.warn("Could not create the dead-letter topics of {}: dead letters now rely on the broker creating topics", Arrays.toString(topics), e);
        }
        var created = containers.createContainer(topics);
        created.setupMessageListener((MessageListener<String, byte[]>) current::onRecord);
        created.setBeanName(name);
        created.start();
        container = created;
    }

    @Override
    public void stop() {
        var current = container;
        if (current != null) {
            current.stop();
            container = null;
        }
    }

    @Override
    public boolean isRunning() {
        return container != null && container.isRunning();
    }
}
