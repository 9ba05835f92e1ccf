package dev.kitty.auth.password;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kitty.platform.security.JwtPolicy;
import dev.kitty.platform.test.web.PlatformWebSlice;
import dev.kitty.platform.web.ApiProblem;
import java.time.Duration;
import java.util.UUID;
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

@WebMvcTest(PasswordController.class)
@PlatformWebSlice
class PasswordControllerTests {

    private static final UUID USER = UUID.randomUUID();
    private static final String SESSION = UUID.randomUUID().toString();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PasswordChange change;

    @MockitoBean
    PasswordReset reset;

    /** OWASP ASVS 5.0 6.3.8: 202 with no body, the same for every address; the service decides nothing before answering. */
    @Test
    void acceptsAResetRequestWithoutATokenAndSaysNothing() throws Exception {
        mvc.perform(post("/api/auth/password/forgot").contentType(MediaType.APPLICATION_JSON).content("{\"email\": \" Ann@Example.com \"}"))
                .andExpect(status().isAccepted())
                .andExpect(content().string(""));

        verify(reset).request("ann@example.com", "127.0.0.1");
    }

    /** OWASP API Top 10 2023 API4/API6: reset mails are rate limited, with Retry-After. */
    @Test
    void passesTheThrottleAnswerOn() throws Exception {
        doThrow(ApiProblem.tooManyRequests("Too many", Duration.ofMinutes(15))).when(reset).request(anyString(), anyString());

        mvc.perform(post("/api/auth/password/forgot").contentType(MediaType.APPLICATION_JSON).content("{\"email\": \"ann@example.com\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "900"))
                .andExpect(jsonPath("$.type").value("https://kitty.dev/problems/throttled"));
    }

    @Test
    void resetsWithoutAnAccessToken() throws Exception {
        mvc.perform(post("/api/auth/password/reset").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\": \"opaque\", \"newPassword\": \"violet-harbour-engine-43\"}"))
                .andExpect(status().isNoContent());

        verify(reset).reset("opaque", "violet-harbour-engine-43");
    }

    /** OWASP API Top 10 2023 API2: changing the password needs a signed-in user. */
    @Test
    void changesThePasswordOnlyForASignedInUser() throws Exception {
        var body = "{\"currentPassword\": \"violet-harbour-engine-42\", \"newPassword\": \"violet-harbour-engine-43\"}";

        mvc.perform(post("/api/auth/password/change").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(change);

        mvc.perform(post("/api/auth/password/change").with(jwt().jwt(token -> token.subject(USER.toString()).claim(JwtPolicy.SESSION_CLAIM, SESSION).claim(JwtPolicy.AUTHENTICATION_METHODS_CLAIM, java.util.List.of("pwd"))))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isNoContent());
        verify(change).change(USER, "127.0.0.1", SESSION, "violet-harbour-engine-42", "violet-harbour-engine-43");
    }

    /** ASVS 6.4: whoever holds a personal access token must not be able to take the account over by changing its password. */
    @Test
    void refusesToChangeThePasswordWithATokenObtainedFromAPersonalAccessToken() throws Exception {
        var body = "{\"currentPassword\": \"violet-harbour-engine-42\", \"newPassword\": \"violet-harbour-engine-43\"}";
        mvc.perform(post("/api/auth/password/change").with(jwt().jwt(token -> token.subject(USER.toString())
                                .claim(JwtPolicy.AUTHENTICATION_METHODS_CLAIM, java.util.List.of("pat"))))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://kitty.dev/problems/interactive-login-required"));
        verifyNoInteractions(change);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("forgot: no email", "/api/auth/password/forgot", "{}", "email"),
                Arguments.of("forgot: not an email", "/api/auth/password/forgot", "{\"email\": \"ann\"}", "email"),
                Arguments.of("forgot: 300-character email", "/api/auth/password/forgot",
                        "{\"email\": \"" + "a".repeat(290) + "@example.com\"}", "email"),
                Arguments.of("reset: no token", "/api/auth/password/reset", "{\"newPassword\": \"violet-harbour-engine-43\"}", "token"),
                Arguments.of("reset: absurd token", "/api/auth/password/reset",
                        "{\"token\": \"" + "t".repeat(129) + "\", \"newPassword\": \"violet-harbour-engine-43\"}", "token"),
                Arguments.of("reset: no password", "/api/auth/password/reset", "{\"token\": \"opaque\"}", "newPassword"),
                Arguments.of("reset: 5000-character password", "/api/auth/password/reset",
                        "{\"token\": \"opaque\", \"newPassword\": \"" + "p".repeat(5000) + "\"}", "newPassword"));
    }

    /** Bad input: 400 validation problem naming the field, nothing changed. */
    @ParameterizedTest(name = "{0} -> 400 on {3}")
    @MethodSource("badRequests")
    void refusesBadInputWithAValidationProblem(String description, String path, String body, String field) throws Exception {
        mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://kitty.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[?(@.field == '" + field + "')]").exists());

        verifyNoInteractions(reset, change);
    }

    @Test
    void answersAnInvalidResetTokenWithAProblem() throws Exception {
        doThrow(ApiProblem.badRequest("invalid-token", "used")).when(reset).reset(any(), any());

        mvc.perform(post("/api/auth/password/reset").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\": \"used\", \"newPassword\": \"violet-harbour-engine-43\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://kitty.dev/problems/invalid-token"));
    }
}
