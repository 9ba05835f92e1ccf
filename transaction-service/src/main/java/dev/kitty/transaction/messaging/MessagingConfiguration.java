package dev.kitty.transaction.messaging;

import dev.kitty.events.EventCatalog;
import dev.kitty.transaction.events.TransactionEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /** Lets the platform create {@code transaction.events} and refuse to publish anything outside this contract. */
    @Bean
    EventCatalog transactionEvents() {
        return TransactionEvents.CATALOG;
    }
}
