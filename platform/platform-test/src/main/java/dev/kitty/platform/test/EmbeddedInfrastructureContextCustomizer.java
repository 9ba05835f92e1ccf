package dev.kitty.platform.test;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Connects one test context to the JVM's shared infrastructure. A record without components:
 * all instances are equal, so {@link EmbeddedInfrastructure} does not split Spring's context cache.
 */
record EmbeddedInfrastructureContextCustomizer() implements ContextCustomizer {

    static final String PROPERTY_SOURCE_NAME = "embeddedInfrastructure";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        addProperties(context, infrastructure);
        // singletons rather than bean definitions: the context must never call close() on servers
        // that outlive it, and Boot's @ConditionalOnMissingBean sees singletons all the same
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        beans.registerSingleton("embeddedPostgresServer", infrastructure.postgres());
        beans.registerSingleton("embeddedKafkaBroker", infrastructure.kafka());
        beans.registerSingleton("embeddedMailServer", infrastructure.mail());
        beans.registerSingleton("testTokens", infrastructure.tokens());
        beans.registerSingleton("embeddedJdbcConnectionDetails", infrastructure.jdbcConnectionDetails());
        beans.registerSingleton("embeddedKafkaConnectionDetails", infrastructure.kafkaConnectionDetails());
    }

    private static void addProperties(ConfigurableApplicationContext context, SharedInfrastructure infrastructure) {
        var source = new MapPropertySource(PROPERTY_SOURCE_NAME, infrastructure.properties());
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        // above application.yml (which points at real hosts), below what the test itself says
        if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addFirst(source);
        }
    }
}
