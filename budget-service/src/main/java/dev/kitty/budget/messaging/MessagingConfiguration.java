package dev.kitty.budget.messaging;

import dev.kitty.budget.events.BudgetEvents;
import dev.kitty.events.EventCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /** Lets the platform create {@code budget.events} and refuse to publish anything outside this contract. */
    @Bean
    EventCatalog budgetEvents() {
        return BudgetEvents.CATALOG;
    }
}
