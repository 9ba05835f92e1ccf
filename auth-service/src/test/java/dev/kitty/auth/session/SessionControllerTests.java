package dev.kitty.auth.session;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
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
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(SessionController.class)
@PlatformWebSlice
class SessionControllerTests {

    private static final IssuedTokens ISSUED = new IssuedTokens("header.claims.signature", Duration.ofMinutes(10), "opaque-refresh");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Login login;

    @MockitoBean
    Sessions sessions;

    @Test
    void answersALoginWithAnOAuth2TokenResponseNobodyCaches() throws Exception {
        when(login.login(new Login.Attempt("ann@example.com", "violet-harbour-engine-42", null, null, "127.0.0.1"))).thenReturn(ISSUED);

        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"ann@example.com\", \"password\": \"violet-harbour-engine-42\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.access_token").value("header.claims.signature"))
                .andExpect(jsonPath("$.refresh_token").value("opaque-refresh"))
                .andExpect(jsonPath("$.token_type").value("Bearer"))
                .andExpect(jsonPath("$.expires_in").value(600));
    }

    @Test
    void answersWrongCredentialsWithTheInvalidCredentialsProblem() throws Exception {
        when(login.login(any())).thenThrow(Login.invalidCredentials());

        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"ann@example.com\", \"password\": \"wrong-password-123\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://kitty.dev/problems/invalid-credentials"))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void passesTheSecondFactorAndTheClientAddressOn() throws Exception {
        when(login.login(new Login.Attempt("ann@example.com", "violet-harbour-engine-42", "123456", "rc", "127.0.0.1"))).thenReturn(ISSUED);

        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON).content(
                        "{\"email\": \"ann@example.com\", \"password\": \"violet-harbour-engine-42\", \"otp\": \"123456\", \"recoveryCode\": \"rc\"}"))
                .andExpect(status().isOk());
    }

    /** API.md: 401 with a type ending in mfa-required when 2FA is on and no code was given. */
    @Test
    void answersAMissingSecondFactorWithTheMfaRequiredProblem() throws Exception {
        when(login.login(any())).thenThrow(Login.mfaRequired());

        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"ann@example.com\", \"password\": \"violet-harbour-engine-42\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://kitty.dev/problems/mfa-required"));
    }

    /** OWASP ASVS 5.0 6.3.1: a throttled login is 429 with Retry-After. */
    @Test
    void answersAThrottledLoginWith429AndRetryAfter() throws Exception {
        when(login.login(any())).thenThrow(ApiProblem.tooManyRequests("Too many attempts.", Duration.ofSeconds(61)));

        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"ann@example.com\", \"password\": \"violet-harbour-engine-42\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "61"))
                .andExpect(jsonPath("$.type").value("https://kitty.dev/problems/throttled"));
    }

    static Stream<Arguments> invalidLogins() {
        return Stream.of(
                Arguments.of("no body fields", "{}", "email"),
                Arguments.of("blank email", "{\"email\": \"\", \"password\": \"x\"}", "email"),
                Arguments.of("missing password", "{\"email\": \"ann@example.com\"}", "password"),
                Arguments.of("password over 2048 UTF-16 units (1024 code points at most)",
                        "{\"email\": \"ann@example.com\", \"password\": \"" + "x".repeat(2049) + "\"}", "password"),
                Arguments.of("absurd otp", "{\"email\": \"ann@example.com\", \"password\": \"x\", \"otp\": \"" + "1".repeat(17) + "\"}", "otp"),
                Arguments.of("absurd recovery code",
                        "{\"email\": \"ann@example.com\", \"password\": \"x\", \"recoveryCode\": \"" + "r".repeat(65) + "\"}", "recoveryCode"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidLogins")
    void refusesInvalidLoginInputWithAValidationProblem(String description, String body, String field) throws Exception {
        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://kitty.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[?(@.field == '" + field + "')]").exists());

        verifyNoInteractions(login);
    }

    @Test
    void refreshesIntoANewPair() throws Exception {
        when(sessions.refresh("opaque-refresh")).thenReturn(new RefreshOutcome.Refreshed(ISSUED));

        mvc.perform(post("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON).content("{\"refreshToken\": \"opaque-refresh\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.access_token").value("header.claims.signature"));
    }

    @Test
    void answersARefusedRefreshWith401WithoutSayingWhy() throws Exception {
        when(sessions.refresh("reused")).thenReturn(new RefreshOutcome.Refused("reused refresh token"));

        mvc.perform(post("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON).content("{\"refreshToken\": \"reused\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://kitty.dev/problems/invalid-refresh-token"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("reused"))));
    }

    @Test
    void refusesARefreshWithoutAToken() throws Exception {
        mvc.perform(post("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("refreshToken"));
    }

    @Test
    void logsOutWithoutAnAccessToken() throws Exception {
        mvc.perform(post("/api/auth/logout").contentType(MediaType.APPLICATION_JSON).content("{\"refreshToken\": \"opaque-refresh\"}"))
                .andExpect(status().isNoContent());

        verify(sessions).end("opaque-refresh");
    }

    @Test
    void keepsEveryOtherPathBehindAToken() throws Exception {
        mvc.perform(post("/api/auth/password/change").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"))
                .andExpect(jsonPath("$.type").value("https://kitty.dev/problems/unauthorized"));
    }
}
