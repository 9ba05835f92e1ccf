package dev.kitty.gateway.basic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.gateway.basic.AuthorizationHeader.BasicCredentials;
import dev.kitty.gateway.basic.AuthorizationHeader.MalformedBasic;
import dev.kitty.gateway.basic.AuthorizationHeader.NotBasic;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;

class AuthorizationHeaderTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "=", textBlock = """
            # Authorization header           | email            | secret
            Basic YW5uQGV4YW1wbGUuY29tOnNlY3JldA==  | ann@example.com | secret
            basic YW5uQGV4YW1wbGUuY29tOnNlY3JldA==  | ann@example.com | secret
            BASIC   YW5uQGV4YW1wbGUuY29tOnNlY3JldA== | ann@example.com | secret
            Basic YW5uQGV4YW1wbGUuY29tOmE6Yjpj      | ann@example.com | a:b:c
            Basic YW5uQGV4YW1wbGUuY29tOnNlY3JldA    | ann@example.com | secret
            """)
    void readsWellFormedCredentials(String header, String email, String secret) {
        assertThat(parse(header)).isEqualTo(new BasicCredentials(email, secret));
    }

    @Test
    void readsUtf8Secrets() {
        var header = "Basic " + Base64.getEncoder().encodeToString("ann@example.com:pässwörd €".getBytes(StandardCharsets.UTF_8));

        assertThat(parse(header)).isEqualTo(new BasicCredentials("ann@example.com", "pässwörd €"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Bearer some.jwt.value
            Basicfoo
            Digest username="ann"
            """)
    void leavesOtherSchemesAlone(String header) {
        assertThat(parse(header)).isInstanceOf(NotBasic.class);
    }

    @Test
    void leavesRequestsWithoutAuthorizationAlone() {
        assertThat(AuthorizationHeader.of(new HttpHeaders())).isInstanceOf(NotBasic.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no credentials                  | Basic
            not base64                      | Basic !!!
            no colon                        | Basic YW5uQGV4YW1wbGUuY29t
            empty email                     | Basic OnNlY3JldA==
            blank email                     | Basic ICA6c2VjcmV0
            empty secret                    | Basic YW5uQGV4YW1wbGUuY29tOg==
            invalid UTF-8                   | Basic /w==
            control character in the email | Basic YW5uAUBleGFtcGxlLmNvbTpzZWNyZXQ=
            """)
    void refusesMalformedCredentials(String what, String header) {
        assertThat(parse(header)).isInstanceOf(MalformedBasic.class);
    }

    @Test
    void refusesCredentialsLongerThanFourKilobytesBeforeDecodingThem() {
        var header = "Basic " + "A".repeat(AuthorizationHeader.MAX_LENGTH);

        assertThat(parse(header)).isInstanceOf(MalformedBasic.class);
    }

    @Test
    void refusesBasicNextToAnotherAuthorizationHeader() {
        var headers = new HttpHeaders();
        headers.add(HttpHeaders.AUTHORIZATION, "Bearer some.jwt.value");
        headers.add(HttpHeaders.AUTHORIZATION, "Basic YW5uQGV4YW1wbGUuY29tOnNlY3JldA==");

        assertThat(AuthorizationHeader.of(headers)).isInstanceOf(MalformedBasic.class);
    }

    @Test
    void neverPrintsTheSecret() {
        assertThat(new BasicCredentials("ann@example.com", "hunter2hunter2")).asString().doesNotContain("hunter2");
    }

    private static AuthorizationHeader parse(String value) {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, value);
        return AuthorizationHeader.of(headers);
    }
}
