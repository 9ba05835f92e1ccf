package dev.kitty.auth.pat;

import static dev.kitty.platform.test.web.JwtCallers.caller;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kitty.platform.test.web.PlatformWebSlice;
import dev.kitty.platform.web.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebMvcTest(PersonalAccessTokenController.class)
@PlatformWebSlice
class PersonalAccessTokenControllerTests {

    private static final UUID ANN = UUID.fromString("2b1f8a40-0000-4000-8000-000000000001");
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PersonalAccessTokens tokens;

    @Test
    void createsATokenAndShowsItOnceWithoutCaching() throws Exception {
        var secret = PatSecret.generate();
        var token = PersonalAccessToken.issue(ANN, "ann@kitty.test", "ci", secret, NOW, NOW.plus(Duration.ofDays(30)));
        when(tokens.create(ANN, "ci", Duration.ofDays(30))).thenReturn(new PersonalAccessTokens.CreatedToken(token, secret.value()));

        mvc.perform(post("/api/auth/tokens").with(caller(ANN, "ann@example.com", "USER"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"  ci \", \"expiresInDays\": 30}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.id").value(token.id().toString()))
                .andExpect(jsonPath("$.name").value("ci"))
                .andExpect(jsonPath("$.token").value(secret.value()))
                .andExpect(jsonPath("$.expiresAt").value("2026-01-31T12:00:00Z"));
    }

    @Test
    void createsATokenWithoutExpiryWhenNoneIsAsked() throws Exception {
        var secret = PatSecret.generate();
        var token = PersonalAccessToken.issue(ANN, "ann@kitty.test", "ci", secret, NOW, null);
        when(tokens.create(ANN, "ci", null)).thenReturn(new PersonalAccessTokens.CreatedToken(token, secret.value()));

        mvc.perform(post("/api/auth/tokens").with(caller(ANN, "ann@example.com", "USER"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"ci\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.expiresAt").isEmpty());
    }

    static Stream<Arguments> invalidCreations() {
        return Stream.of(
                Arguments.of("no name", "{}", "name"),
                Arguments.of("blank name", "{\"name\": \"   \"}", "name"),
                Arguments.of("name over 80 characters", "{\"name\": \"" + "x".repeat(81) + "\"}", "name"),
                Arguments.of("control characters in the name", "{\"name\": \"ci\\u0000\"}", "name"),
                Arguments.of("zero days", "{\"name\": \"ci\", \"expiresInDays\": 0}", "expiresInDays"),
                Arguments.of("negative days", "{\"name\": \"ci\", \"expiresInDays\": -5}", "expiresInDays"),
                Arguments.of("over ten years", "{\"name\": \"ci\", \"expiresInDays\": 3651}", "expiresInDays"),
                Arguments.of("days not a number", "{\"name\": \"ci\", \"expiresInDays\": \"soon\"}", "expiresInDays"),
                // the parser rejects it before data binding knows the field: still a 400 problem
                Arguments.of("days overflowing an int", "{\"name\": \"ci\", \"expiresInDays\": 99999999999}", null));
    }

    /** Bad input is a 400 problem naming the field and changes nothing (OWASP ASVS 5.0 V2.2.1, API8:2023). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCreations")
    void refusesInvalidInputWithAProblemNamingTheField(String description, String body, @Nullable String field) throws Exception {
        var result = mvc.perform(post("/api/auth/tokens").with(caller(ANN, "ann@example.com", "USER"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        if (field != null) {
            result.andExpect(jsonPath("$.errors[?(@.field == '" + field + "')]").exists());
        }

        verifyNoInteractions(tokens);
    }

    /**
     * OWASP ASVS 5.0 V6.4 (authentication factor lifecycle): a leaked PAT can neither mint itself
     * successors, nor list the owner's tokens, nor revoke them.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenEndpoints")
    void refusesEveryTokenEndpointToAnAccessTokenObtainedFromAPersonalAccessToken(String endpoint,
            MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request.with(caller(ANN, "ann@example.com", List.of("pat"), "USER")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://kitty.dev/problems/interactive-login-required"));

        verifyNoInteractions(tokens);
    }

    static Stream<Arguments> tokenEndpoints() {
        return Stream.of(
                Arguments.of("create", post("/api/auth/tokens").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"ci\"}")),
                Arguments.of("list", get("/api/auth/tokens")),
                Arguments.of("revoke", delete("/api/auth/tokens/" + UUID.randomUUID())));
    }

    /** OWASP API2:2023: every token endpoint needs an authenticated caller. */
    @Test
    void needsAnAccessTokenForEveryTokenEndpoint() throws Exception {
        mvc.perform(post("/api/auth/tokens").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"ci\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/auth/tokens")).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/auth/tokens/" + UUID.randomUUID())).andExpect(status().isUnauthorized());

        verifyNoInteractions(tokens);
    }

    @Test
    void listsTheCallersTokensWithoutSecrets() throws Exception {
        var token = PersonalAccessToken.issue(ANN, "ann@kitty.test", "laptop", PatSecret.generate(), NOW, null);
        token.markUsed(NOW.plusSeconds(60));
        when(tokens.list(ANN)).thenReturn(List.of(token));

        mvc.perform(get("/api/auth/tokens").with(caller(ANN, "ann@example.com", "USER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(token.id().toString()))
                .andExpect(jsonPath("$[0].name").value("laptop"))
                .andExpect(jsonPath("$[0].createdAt").value("2026-01-01T12:00:00Z"))
                .andExpect(jsonPath("$[0].lastUsedAt").value("2026-01-01T12:01:00Z"))
                .andExpect(jsonPath("$[0].token").doesNotExist())
                .andExpect(jsonPath("$[0].secretHash").doesNotExist())
                .andExpect(jsonPath("$[0].lookupId").doesNotExist());
    }

    @Test
    void revokesATokenOfTheCaller() throws Exception {
        var id = UUID.randomUUID();

        mvc.perform(delete("/api/auth/tokens/" + id).with(caller(ANN, "ann@example.com", "USER")))
                .andExpect(status().isNoContent());

        verify(tokens).revoke(ANN, id);
    }

    /** OWASP API1:2023 (BOLA): someone else's token is "not found", never "forbidden". */
    @Test
    void answersSomeoneElsesTokenIdWithNotFound() throws Exception {
        doThrow(ApiProblem.notFound("No such access token.")).when(tokens).revoke(any(), any());

        mvc.perform(delete("/api/auth/tokens/" + UUID.randomUUID()).with(caller(ANN, "ann@example.com", "USER")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://kitty.dev/problems/not-found"));
    }

    @Test
    void refusesAMalformedTokenIdWithABadRequest() throws Exception {
        mvc.perform(delete("/api/auth/tokens/not-a-uuid").with(caller(ANN, "ann@example.com", "USER")))
                .andExpect(status().isBadRequest());

        verifyNoInteractions(tokens);
    }

    @Test
    void answersTheTokenLimitWithAConflict() throws Exception {
        when(tokens.create(any(), anyString(), any())).thenThrow(ApiProblem.conflict("too-many-tokens", "limit"));

        mvc.perform(post("/api/auth/tokens").with(caller(ANN, "ann@example.com", "USER"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"ci\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://kitty.dev/problems/too-many-tokens"));

        verify(tokens).create(ANN, "ci", null);
    }
}
