package dev.kitty.platform.messaging;

import dev.kitty.events.EventCatalog;
import dev.kitty.events.EventType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ReflectionUtils;

/** Finds the {@link IntegrationEventListener} methods of a context's singletons, and refuses ones that cannot work. */
final class ListenerMethods {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");

    private ListenerMethods() {
    }

    /**
     * @param catalogs the event types a listener may take
     * @throws IllegalStateException for a listener method that cannot be called with an event
     *                               of a known type, or two listeners with the same id
     */
    static List<ListenerMethod> in(ConfigurableListableBeanFactory beans, Collection<EventCatalog> catalogs) {
        var typesByPayload = new HashMap<Class<?>, EventType<?>>();
        catalogs.forEach(catalog -> catalog.types().forEach(type -> typesByPayload.put(type.payload(), type)));
        var listeners = new ArrayList<ListenerMethod>();
        for (var name : beans.getBeanNamesForType(Object.class, false, false)) {
            if (ScopedProxyUtils.isScopedTarget(name)) {
                continue;
            }
            var type = AutoProxyUtils.determineTargetClass(beans, name);
            if (type == null || !AnnotationUtils.isCandidateClass(type, IntegrationEventListener.class)) {
                continue;
            }
            Map<Method, IntegrationEventListener> annotated = MethodIntrospector.selectMethods(type,
                    (MethodIntrospector.MetadataLookup<IntegrationEventListener>) method ->
                            AnnotatedElementUtils.findMergedAnnotation(method, IntegrationEventListener.class));
            if (annotated.isEmpty()) {
                continue;
            }
            var bean = beans.getBean(name);
            annotated.forEach((method, annotation) -> listeners.add(listener(bean, method, annotation.id(), typesByPayload)));
        }
        requireUniqueIds(listeners);
        return List.copyOf(listeners);
    }

    private static ListenerMethod listener(Object bean, Method method, String id, Map<Class<?>, EventType<?>> typesByPayload) {
        var where = method.getDeclaringClass().getName() + "." + method.getName();
        if (!ID.matcher(id).matches()) {
            throw new IllegalStateException("@IntegrationEventListener " + where + " has id '" + id
                    + "': use lower-case words separated by dots or dashes, e.g. transaction.membership.member-added");
        }
        var parameters = method.getParameterTypes();
        if (parameters.length == 0 || parameters.length > 2 || parameters.length == 2 && parameters[1] != EventMetadata.class) {
            throw new IllegalStateException("@IntegrationEventListener " + where + " must take (payload record) or (payload record, EventMetadata)");
        }
        if (Modifier.isStatic(method.getModifiers()) || method.getReturnType() != void.class) {
            throw new IllegalStateException("@IntegrationEventListener " + where + " must be an instance method returning void");
        }
        var type = typesByPayload.get(parameters[0]);
        if (type == null) {
            throw new IllegalStateException("@IntegrationEventListener " + where + " takes " + parameters[0].getName()
                    + ", which is the payload of no event type listed in " + EventCatalog.LISTING + " on the class path");
        }
        var callable = AopUtils.selectInvocableMethod(method, bean.getClass());
        ReflectionUtils.makeAccessible(callable);
        return new ListenerMethod(id, type, bean, callable, parameters.length == 2);
    }

    private static void requireUniqueIds(List<ListenerMethod> listeners) {
        var byId = new HashMap<String, ListenerMethod>();
        for (var listener : listeners) {
            var other = byId.putIfAbsent(listener.id(), listener);
            if (other != null) {
                throw new IllegalStateException("Two @IntegrationEventListener methods have the id " + listener.id() + ": " + other
                        + " and " + listener + "; the id is the dedupe key and must be unique");
            }
        }
    }
}
