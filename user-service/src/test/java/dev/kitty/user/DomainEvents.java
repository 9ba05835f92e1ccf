package dev.kitty.user;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.test.util.ReflectionTestUtils;

/** Reads the events an aggregate recorded and has not handed to the repository yet. */
public final class DomainEvents {

    private DomainEvents() {
    }

    public static List<Object> recordedBy(AbstractAggregateRoot<?> aggregate) {
        Collection<?> events = ReflectionTestUtils.invokeMethod(aggregate, "domainEvents");
        return events == null ? List.of() : List.copyOf(events);
    }

    /** What the repository does after publishing: lets a test look only at what happens next. */
    public static void clear(AbstractAggregateRoot<?> aggregate) {
        ReflectionTestUtils.invokeMethod(aggregate, "clearDomainEvents");
    }
}
