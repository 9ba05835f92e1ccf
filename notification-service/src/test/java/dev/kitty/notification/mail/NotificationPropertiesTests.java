package dev.kitty.notification.mail;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotificationPropertiesTests {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Kitty <no-reply@kitty.local> | http://localhost:8080
            no-reply@kitty.example       | https://kitty.example/app/
            """)
    void acceptsAnAddressAndAnAbsoluteUrl(String mailFrom, String publicUrl) {
        assertThatCode(() -> new NotificationProperties(mailFrom, URI.create(publicUrl))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Kitty <no-reply        | http://localhost:8080 | mail-from
            no reply at kitty      | http://localhost:8080 | mail-from
            no-reply@kitty.local   | /relative             | public-url
            """)
    void refusesToStartWithASenderThatIsNoAddressOrALinkBaseThatIsNoUrl(String mailFrom, String publicUrl, String property) {
        assertThatThrownBy(() -> new NotificationProperties(mailFrom, URI.create(publicUrl)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(property);
    }
}
