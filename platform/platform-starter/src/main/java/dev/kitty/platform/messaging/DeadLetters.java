package dev.kitty.platform.messaging;

/** Naming of dead-letter topics: one per consumed topic and consuming service, so a failed event can be replayed to exactly one consumer. */
public final class DeadLetters {

    private DeadLetters() {
    }

    public static String topicFor(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlt";
    }
}
