package dev.kitty.archfixture.messaging;

import dev.kitty.platform.messaging.IntegrationEvents;

class Translator {

    void publish(IntegrationEvents events) {
        events.publish(new Object());
    }
}
