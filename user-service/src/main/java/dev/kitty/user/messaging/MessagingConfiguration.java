package dev.kitty.user.messaging;

import dev.kitty.events.EventCatalog;
import dev.kitty.user.events.UserEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /** What this service publishes: the platform creates these topics and refuses events outside the catalog. */
    @Bean
    EventCatalog userEvents() {
        return UserEvents.CATALOG;
    }
}
