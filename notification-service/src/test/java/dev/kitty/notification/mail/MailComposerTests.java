package dev.kitty.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MailComposerTests {

    private static final Instant EXPIRES = Instant.parse("2026-12-01T10:15:30Z");

    private final MailComposer composer = new MailComposer(
            new NotificationProperties("Kitty <no-reply@kitty.local>", URI.create("https://kitty.example/app/")));

    static Stream<Arguments> templates() {
        BiFunction<MailComposer, String, ComposedMail> verification =
                (composer, token) -> composer.verification("ann@example.com", "Ann", token, EXPIRES);
        BiFunction<MailComposer, String, ComposedMail> reset = (composer, token) -> composer.passwordReset("ann@example.com", token, EXPIRES);
        return Stream.of(
                Arguments.of(MailTemplate.VERIFY_EMAIL, verification, "https://kitty.example/app/verify-email?token="),
                Arguments.of(MailTemplate.RESET_PASSWORD, reset, "https://kitty.example/app/reset-password?token="));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void bothBodiesCarryTheTokenAndALinkUnderThePublicUrl(MailTemplate template, BiFunction<MailComposer, String, ComposedMail> compose,
            String linkPrefix) {
        var mail = compose.apply(composer, "tok-123_ABC");

        assertThat(mail.template()).isEqualTo(template);
        assertThat(mail.recipient()).isEqualTo("ann@example.com");
        assertThat(mail.text()).contains(linkPrefix + "tok-123_ABC", "tok-123_ABC", "2026-12-01 10:15 UTC");
        assertThat(mail.html()).contains("href=\"" + linkPrefix + "tok-123_ABC\"", "<code>tok-123_ABC</code>");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void encodesTokenCharactersThatWouldBreakTheLink(MailTemplate template, BiFunction<MailComposer, String, ComposedMail> compose,
            String linkPrefix) {
        var mail = compose.apply(composer, "a+b/c=&d");

        assertThat(mail.text()).contains(linkPrefix + "a%2Bb%2Fc%3D%26d");
    }

    @Test
    void escapesTheDisplayNameInHtml() {
        var mail = composer.verification("ann@example.com", "<script>alert(1)</script>", "t", EXPIRES);

        assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(mail.text()).contains("Hello <script>alert(1)</script>,");
    }

    @Test
    void greetsWithoutANameWhenThereIsNone() {
        assertThat(composer.verification("ann@example.com", null, "t", null).text()).startsWith("Hello,");
    }
}
