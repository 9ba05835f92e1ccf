package dev.kitty.auth.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.kitty.platform.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class GatewayClientAuthenticationTests {

    private static final String SECRET = "a-client-secret-of-at-least-32-characters";

    @Test
    void letsTheGatewayThrough() {
        var authentication = new GatewayClientAuthentication(new ExchangeProperties("gateway", SECRET));

        assertThat(authentication.preHandle(request("Basic " + encode("gateway:" + SECRET)), new MockHttpServletResponse(), new Object()))
                .isTrue();
    }

    @Test
    void refusesAWrongSecretWithA401ThatAsksForClientCredentials() {
        var authentication = new GatewayClientAuthentication(new ExchangeProperties("gateway", SECRET));

        assertThatExceptionOfType(ApiProblem.class)
                .isThrownBy(() -> authentication.preHandle(request("Basic " + encode("gateway:" + SECRET + "x")),
                        new MockHttpServletResponse(), new Object()))
                .satisfies(problem -> {
                    assertThat(problem.getStatusCode().value()).isEqualTo(401);
                    assertThat(problem.getBody().getType()).hasToString("https://kitty.dev/problems/invalid-client");
                    assertThat(problem.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic ");
                });
    }

    @Test
    void hidesTheEndpointWhenNoSecretIsConfigured() {
        var authentication = new GatewayClientAuthentication(new ExchangeProperties("gateway", " "));

        assertThatExceptionOfType(ApiProblem.class)
                .isThrownBy(() -> authentication.preHandle(request("Basic " + encode("gateway:")), new MockHttpServletResponse(),
                        new Object()))
                .satisfies(problem -> assertThat(problem.getStatusCode().value()).isEqualTo(404));
    }

    @Test
    void refusesToStartWithAGuessableSecret() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ExchangeProperties("gateway", "short"));
    }

    private static MockHttpServletRequest request(String authorization) {
        var request = new MockHttpServletRequest("POST", "/api/auth/exchange");
        request.addHeader("Authorization", authorization);
        return request;
    }

    private static String encode(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
