package dev.kitty.platform.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a bean that applies one type of integration event from another service.
 * The type is the method's first parameter: the payload record of an event type in a contracts
 * module on the class path (listed in {@value dev.kitty.events.EventCatalog#LISTING}). An
 * optional second parameter of type {@link EventMetadata} receives the envelope's fields. One
 * class may hold the listeners of all the events one feature reacts to.
 *
 * <pre>{@code
 * @Component
 * class MembershipReplication {
 *
 *     @IntegrationEventListener(id = "transaction.membership.member-added")
 *     void on(MemberAdded event) { ... }
 *
 *     @IntegrationEventListener(id = "transaction.membership.member-removed")
 *     void on(MemberRemoved event, EventMetadata metadata) { ... }
 * }
 * }</pre>
 *
 * <p>The platform subscribes to the event type's topic (consumer group =
 * {@code spring.application.name}), decodes the CloudEvents envelope, ignores types no listener
 * takes (tolerant reader) and calls each listener of the type in a transaction that first
 * records (event id, listener {@link #id()}) in {@code processed_event}: an event the listener
 * applied before is skipped, so its effect happens once although delivery is at least once.
 * Records are pruned after {@code kitty.messaging.processed-event-retention}.
 *
 * <p>A payload that does not decode (a contract record refuses to exist without its required
 * fields) and an {@link InvalidEventException} go to the dead-letter topic at once; any other
 * exception is retried with back-off first.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface IntegrationEventListener {

    /**
     * The listener's stable name: the key under which {@code processed_event} remembers the
     * events it applied. Keep it when the method or its class is renamed or moved; a new id
     * makes the listener apply again every event still redelivered. Lower-case words separated
     * by dots or dashes, by convention {@code <service>.<feature>.<event>}, e.g.
     * {@code transaction.membership.member-added}; unique within the service.
     */
    String id();
}
