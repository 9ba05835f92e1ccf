package dev.kitty.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class BootstrapPropertiesTests {

    /** The documented variables, exactly as an operator types them, reach the properties. */
    @Test
    void bindsTheDocumentedEnvironmentVariables() {
        var environment = new StandardEnvironment();
        // the name matters: Boot maps environment-variable spellings only for the system environment source
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "KITTY_AUTH_BOOTSTRAP_SUPER_USER_EMAIL", "root@kitty.test",
                "KITTY_AUTH_BOOTSTRAP_SUPER_USER_PASSWORD", "violet-harbour-engine-42")));
        ConfigurationPropertySources.attach(environment);

        var bound = Binder.get(environment).bind("kitty.auth.bootstrap", BootstrapProperties.class).get();

        assertThat(bound.superUser().email()).isEqualTo("root@kitty.test");
        assertThat(bound.superUser().password()).isEqualTo("violet-harbour-engine-42");
        assertThat(bound.superUser().displayName()).isEqualTo("Super User");
        assertThat(bound.superUser().configured()).isTrue();
    }

    /** OWASP ASVS 5.0 V16.2.5 / V13.3: the password never reaches a log line through the configuration's string form. */
    @Test
    void neverShowsThePasswordInItsStringForm() {
        var superUser = new BootstrapProperties.SuperUser("root@kitty.test", "violet-harbour-engine-42", "Root");

        assertThat(new BootstrapProperties(superUser).toString()).doesNotContain("violet-harbour-engine-42").contains("root@kitty.test");
    }

    @Test
    void isNotConfiguredWithoutEmailAndPassword() {
        assertThat(new BootstrapProperties.SuperUser(null, null, "Super User").configured()).isFalse();
        assertThat(new BootstrapProperties.SuperUser(" ", "", "Super User").configured()).isFalse();
        assertThat(new BootstrapProperties.SuperUser("root@kitty.test", null, "Super User").configured())
                .as("half a configuration counts, so that it is reported rather than ignored").isTrue();
    }
}
