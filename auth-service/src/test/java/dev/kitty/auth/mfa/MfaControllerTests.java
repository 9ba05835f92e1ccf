package dev.kitty.auth.mfa;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kitty.platform.security.JwtPolicy;
import dev.kitty.platform.test.web.PlatformWebSlice;
import dev.kitty.platform.web.ApiProblem;
import java.util.List;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebMvcTest(MfaController.class)
@PlatformWebSlice
class MfaControllerTests {

    private static final UUID USER = UUID.randomUUID();
    private static final UUID SESSION = UUID.randomUUID();
    private static final TotpEnrolment.Caller CALLER = new TotpEnrolment.Caller(USER, "ann@example.com", "127.0.0.1", SESSION.toString());

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TotpEnrolment enrolment;

    private static RequestPostProcessor ann() {
        return jwt().jwt(token -> token.subject(USER.toString()).claim(JwtPolicy.EMAIL_CLAIM, "ann@example.com").claim(JwtPolicy.SESSION_CLAIM, SESSION.toString())
                .claim(JwtPolicy.AUTHENTICATION_METHODS_CLAIM, List.of("pwd")));
    }

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("POST /api/auth/mfa/totp", post("/api/auth/mfa/totp")),
                Arguments.of("POST /api/auth/mfa/totp/confirm", post("/api/auth/mfa/totp/confirm").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"123456\"}")),
                Arguments.of("DELETE /api/auth/mfa/totp", delete("/api/auth/mfa/totp").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"123456\"}")));
    }

    /** OWASP API Top 10 2023 API2 (broken authentication): enrolment belongs to a signed-in user only. */
    @ParameterizedTest(name = "API2:2023 {0} without a token -> 401")
    @MethodSource("endpoints")
    void needsAnAccessToken(String description, MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://kitty.dev/problems/unauthorized"));

        verifyNoInteractions(enrolment);
    }

    /** A leaked personal access token must not turn on 2FA (locking the owner out), see recovery codes or turn 2FA off. */
    @ParameterizedTest(name = "ASVS 6.4 {0} with a token from a personal access token -> 403")
    @MethodSource("endpoints")
    void refusesAnAccessTokenObtainedFromAPersonalAccessToken(String description, MockHttpServletRequestBuilder request)
            throws Exception {
        mvc.perform(request.with(jwt().jwt(token -> token.subject(USER.toString()).claim(JwtPolicy.EMAIL_CLAIM, "ann@example.com")
                        .claim(JwtPolicy.AUTHENTICATION_METHODS_CLAIM, List.of("pat")))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://kitty.dev/problems/interactive-login-required"));

        verifyNoInteractions(enrolment);
    }

    @Test
    void startsAnEnrolmentForTheCallerAndLetsNobodyCacheTheSeed() throws Exception {
        when(enrolment.start(CALLER)).thenReturn(new TotpEnrolment.Enrolment("SEED", "otpauth://totp/ann@example.com?secret=SEED",
                "data:image/png;base64,iVBORw0KGgo="));

        mvc.perform(post("/api/auth/mfa/totp").with(ann()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.secret").value("SEED"))
                .andExpect(jsonPath("$.otpauthUri").value("otpauth://totp/ann@example.com?secret=SEED"))
                .andExpect(jsonPath("$.qrCodePng").value("data:image/png;base64,iVBORw0KGgo="));
    }

    @Test
    void confirmsWithACodeAndShowsTheRecoveryCodesOnce() throws Exception {
        when(enrolment.confirm(CALLER, "123456")).thenReturn(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"));

        mvc.perform(post("/api/auth/mfa/totp/confirm").with(ann()).contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"123456\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.recoveryCodes.length()").value(10));
    }

    @Test
    void disablesWithACodeInTheBody() throws Exception {
        mvc.perform(delete("/api/auth/mfa/totp").with(ann()).contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"123456\"}"))
                .andExpect(status().isNoContent());

        verify(enrolment).disable(CALLER, "123456");
    }

    @Test
    void answersAWrongCodeWithAProblemNotAnError() throws Exception {
        when(enrolment.confirm(any(), eq("000000"))).thenThrow(ApiProblem.badRequest("invalid-code", "wrong"));

        mvc.perform(post("/api/auth/mfa/totp/confirm").with(ann()).contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"000000\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://kitty.dev/problems/invalid-code"));
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("no body", ""),
                Arguments.of("no code", "{}"),
                Arguments.of("blank code", "{\"code\": \" \"}"),
                Arguments.of("absurdly long code", "{\"code\": \"" + "1".repeat(65) + "\"}"),
                Arguments.of("code not a string", "{\"code\": [1]}"),
                Arguments.of("not JSON", "code=123456"));
    }

    /** Bad input is a 4xx problem and changes nothing (OWASP API Top 10 2023 API8: no internals in errors). */
    @ParameterizedTest(name = "{0} -> 400")
    @MethodSource("badBodies")
    void refusesBadBodiesWithoutTouchingTheEnrolment(String description, String body) throws Exception {
        mvc.perform(post("/api/auth/mfa/totp/confirm").with(ann()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest());
        mvc.perform(delete("/api/auth/mfa/totp").with(ann()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest());

        verifyNoInteractions(enrolment);
    }
}
