package dev.kitty.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.kitty.platform.messaging.ThingEvents.ThingHappened;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

class ListenerMethodsTests {

    record Unlisted(UUID id) {}

    static class ThingFeature {

        @IntegrationEventListener(id = "test.things.seen")
        void seen(ThingHappened event, EventMetadata metadata) {
        }

        @IntegrationEventListener(id = "test.things.counted")
        void counted(ThingHappened event) {
        }

        void notAListener(ThingHappened event) {
        }
    }

    static class SameIdAgain {

        @IntegrationEventListener(id = "test.things.seen")
        void seen(ThingHappened event) {
        }
    }

    static class UnknownPayload {

        @IntegrationEventListener(id = "test.unlisted")
        void on(Unlisted event) {
        }
    }

    static class ClassNameAsId {

        @IntegrationEventListener(id = "dev.kitty.Some$Handler")
        void on(ThingHappened event) {
        }
    }

    static class ReturnsSomething {

        @IntegrationEventListener(id = "test.returns")
        boolean on(ThingHappened event) {
            return true;
        }
    }

    @Test
    void findsEveryAnnotatedMethodOfEveryBeanWithItsIdAndEventType() {
        var listeners = ListenerMethods.in(beans(new ThingFeature()), List.of(ThingEvents.CATALOG));

        assertThat(listeners).extracting(ListenerMethod::id).containsExactlyInAnyOrder("test.things.seen", "test.things.counted");
        assertThat(listeners).allSatisfy(listener -> assertThat(listener.type()).isEqualTo(ThingEvents.THING_HAPPENED));
        assertThat(listeners).filteredOn(listener -> listener.id().equals("test.things.seen"))
                .singleElement().extracting(ListenerMethod::takesMetadata).isEqualTo(true);
    }

    @Test
    void refusesTwoListenersWithTheSameId() {
        assertThatIllegalStateException()
                .isThrownBy(() -> ListenerMethods.in(beans(new ThingFeature(), new SameIdAgain()), List.of(ThingEvents.CATALOG)))
                .withMessageContaining("test.things.seen");
    }

    @Test
    void refusesAListenerOfARecordNoKnownEventTypeCarries() {
        assertThatIllegalStateException()
                .isThrownBy(() -> ListenerMethods.in(beans(new UnknownPayload()), List.of(ThingEvents.CATALOG)))
                .withMessageContaining(Unlisted.class.getName());
    }

    @Test
    void refusesIdsThatAreNotLowerCaseWords() {
        assertThatIllegalStateException()
                .isThrownBy(() -> ListenerMethods.in(beans(new ClassNameAsId()), List.of(ThingEvents.CATALOG)))
                .withMessageContaining("dev.kitty.Some$Handler");
    }

    @Test
    void refusesListenersThatReturnSomething() {
        assertThatIllegalStateException()
                .isThrownBy(() -> ListenerMethods.in(beans(new ReturnsSomething()), List.of(ThingEvents.CATALOG)))
                .withMessageContaining("void");
    }

    private static DefaultListableBeanFactory beans(Object... singletons) {
        var beans = new DefaultListableBeanFactory();
        for (var singleton : singletons) {
            beans.registerSingleton(singleton.getClass().getSimpleName(), singleton);
        }
        return beans;
    }
}
