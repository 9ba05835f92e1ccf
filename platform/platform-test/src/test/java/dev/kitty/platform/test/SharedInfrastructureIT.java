package dev.kitty.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.infra.EmbeddedKafkaBroker;
import dev.kitty.infra.EmbeddedPostgresServer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/** A context of its own (different inlined properties), still on the JVM's one set of servers. */
@SpringBootTest(classes = ProbeApplication.class, properties = "kitty.security.audience=other-api")
@EmbeddedInfrastructure
class SharedInfrastructureIT {

    @Autowired EmbeddedPostgresServer postgres;
    @Autowired EmbeddedKafkaBroker kafka;
    @Autowired Environment environment;

    @Test
    void everyContextSharesTheServersOfTheJvm() {
        assertThat(postgres).isSameAs(SharedInfrastructure.get().postgres());
        assertThat(kafka).isSameAs(SharedInfrastructure.get().kafka());
    }

    @Test
    void theTestsOwnPropertiesWin() {
        assertThat(environment.getProperty("kitty.security.audience")).isEqualTo("other-api");
        assertThat(environment.getProperty("kitty.security.issuer")).isEqualTo(TestTokens.ISSUER);
    }

    @Nested
    class InANestedClass {

        @Autowired EmbeddedPostgresServer nestedPostgres;

        @Test
        void theAnnotationOfTheEnclosingClassApplies() {
            assertThat(nestedPostgres).isSameAs(SharedInfrastructure.get().postgres());
        }
    }
}
