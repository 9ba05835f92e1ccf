package dev.kitty.platform.messaging;

import dev.kitty.events.EventType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;

/**
 * One {@link IntegrationEventListener} method of a bean, ready to be called with a decoded payload.
 *
 * @param id            the listener's stable id, the dedupe key
 * @param type          the event type it takes
 * @param bean          the bean (a proxy, if the bean is proxied, so that its advice applies)
 * @param method        the method, callable on {@code bean}
 * @param takesMetadata whether the method has the second {@link EventMetadata} parameter
 */
record ListenerMethod(String id, EventType<?> type, Object bean, Method method, boolean takesMetadata) {

    void invoke(Record payload, EventMetadata metadata) {
        var arguments = takesMetadata ? new Object[] {payload, metadata} : new Object[] {payload};
        try {
            method.invoke(bean, arguments);
        } catch (InvocationTargetException e) {
            switch (e.getCause()) {
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                case Throwable checked -> throw new UndeclaredThrowableException(checked, "Listener " + id + " failed");
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call listener " + id + ": " + method, e);
        }
    }

    @Override
    public String toString() {
        return id + " (" + method.getDeclaringClass().getSimpleName() + "." + method.getName() + ", " + type.name() + ")";
    }
}
