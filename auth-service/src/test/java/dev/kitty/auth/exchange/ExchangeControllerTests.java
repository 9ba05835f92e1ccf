package dev.kitty.auth.exchange;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kitty.platform.test.web.PlatformWebSlice;
import dev.kitty.platform.web.ApiProblem;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebMvcTest(ExchangeController.class)
@PlatformWebSlice
@Import(ExchangeConfiguration.class)
@TestPropertySource(properties = {"kitty.security.public-paths=/api/auth/exchange",
        "kitty.auth.exchange.client-secret=" + ExchangeControllerTests.CLIENT_SECRET})
class ExchangeControllerTests {

    static final String CLIENT_SECRET = "the-gateway-client-secret-for-slice-tests";

    /** The gateway's client credential, which every exchange needs. */
    private static RequestPostProcessor fromTheGateway() {
        return request -> {
            request.addHeader("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(("gateway:" + CLIENT_SECRET).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return request;
        };
    }

    private static final String BODY = "{\"email\": \"ann@example.com\", \"secret\": \"violet-harbour-engine-42\"}";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CredentialExchange exchange;

    @Test
    void answersWithABearerTokenAndNoRefreshTokenNobodyCaches() throws Exception {
        when(exchange.exchange("ann@example.com", "violet-harbour-engine-42", "127.0.0.1"))
                .thenReturn(new CredentialExchange.Exchanged("header.claims.signature", Duration.ofMinutes(10)));

        mvc.perform(post("/api/auth/exchange").with(fromTheGateway()).contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.access_token").value("header.claims.signature"))
                .andExpect(jsonPath("$.token_type").value("Bearer"))
                .andExpect(jsonPath("$.expires_in").value(600))
                .andExpect(jsonPath("$.refresh_token").doesNotExist());
    }

    @Test
    void passesOnMfaRequiredAsA401Problem() throws Exception {
        when(exchange.exchange(anyString(), anyString(), anyString()))
                .thenThrow(ApiProblem.unauthorized("mfa-required", "Two-factor authentication is on."));

        mvc.perform(post("/api/auth/exchange").with(fromTheGateway()).contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://kitty.dev/problems/mfa-required"));
    }

    /** OWASP API4:2023: a throttled client learns when to come back. */
    @Test
    void passesOnThrottlingWithRetryAfter() throws Exception {
        when(exchange.exchange(anyString(), anyString(), anyString()))
                .thenThrow(ApiProblem.tooManyRequests("Too many attempts.", Duration.ofSeconds(42)));

        mvc.perform(post("/api/auth/exchange").with(fromTheGateway()).contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "42"));
    }

    static Stream<Arguments> invalidExchanges() {
        return Stream.of(
                Arguments.of("no fields", "{}", "email"),
                Arguments.of("blank email", "{\"email\": \" \", \"secret\": \"x\"}", "email"),
                Arguments.of("email over 254 characters", "{\"email\": \"" + "a".repeat(250) + "@x.io\", \"secret\": \"x\"}", "email"),
                Arguments.of("no secret", "{\"email\": \"ann@example.com\"}", "secret"),
                Arguments.of("secret over 1024 characters", "{\"email\": \"ann@example.com\", \"secret\": \"" + "x".repeat(1025) + "\"}",
                        "secret"),
                Arguments.of("secret not a string", "{\"email\": \"ann@example.com\", \"secret\": {\"a\": 1}}", "secret"));
    }

    /** Bad input: 400 naming the field, no credential check made (OWASP ASVS 5.0 V2.2.1; no 500 for client input). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExchanges")
    void refusesInvalidInputBeforeCheckingAnything(String description, String body, String field) throws Exception {
        mvc.perform(post("/api/auth/exchange").with(fromTheGateway()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == '" + field + "')]").exists());

        verifyNoInteractions(exchange);
    }

    @Test
    void refusesAnythingButJson() throws Exception {
        mvc.perform(post("/api/auth/exchange").with(fromTheGateway()).contentType(MediaType.TEXT_PLAIN).content("ann@example.com:secret"))
                .andExpect(status().isUnsupportedMediaType());

        verifyNoInteractions(exchange);
    }

    /** Issue 6: the exchange is the gateway's; anyone else is refused before the body is read. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            no client credential         |
            the wrong secret             | Basic Z2F0ZXdheTp3cm9uZy1zZWNyZXQ=
            another client id            | Basic b3RoZXI6dGhlLWdhdGV3YXktY2xpZW50LXNlY3JldC1mb3Itc2xpY2UtdGVzdHM=
            malformed base64             | Basic %%%not-base64
            """)
    void refusesCallersWithoutTheGatewaysClientCredential(String description, String authorization) throws Exception {
        var request = post("/api/auth/exchange").contentType(MediaType.APPLICATION_JSON).content(BODY);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        mvc.perform(request)
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://kitty.dev/problems/invalid-client"));

        org.mockito.Mockito.verifyNoInteractions(exchange);
    }
}
