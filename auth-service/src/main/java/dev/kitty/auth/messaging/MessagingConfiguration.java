package dev.kitty.auth.messaging;

import dev.kitty.events.EventCatalog;
import dev.kitty.identity.events.IdentityEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /** Declares what this service publishes: the platform creates the topic and refuses events outside the contract. */
    @Bean
    EventCatalog identityEvents() {
        return IdentityEvents.CATALOG;
    }
}
