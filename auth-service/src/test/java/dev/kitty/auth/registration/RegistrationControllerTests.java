package dev.kitty.auth.registration;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kitty.auth.account.Account;
import dev.kitty.platform.test.web.PlatformWebSlice;
import dev.kitty.platform.web.ApiProblem;
import java.time.Instant;
import java.util.StringJoiner;
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

@WebMvcTest(RegistrationController.class)
@PlatformWebSlice
class RegistrationControllerTests {

    private static final String VALID = """
            {"email": "ann@example.com", "password": "violet-harbour-engine-42", "displayName": "Ann"}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Registration registration;

    @MockitoBean
    EmailVerification emailVerification;

    @MockitoBean
    dev.kitty.auth.throttle.RequestThrottle throttle;

    @Test
    void registersWithoutATokenAndPointsAtTheNewUser() throws Exception {
        var account = Account.register("ann@example.com", "{argon2}hash", "Test User", Instant.now());
        when(registration.register(anyString(), anyString(), anyString())).thenReturn(account);

        mvc.perform(post("/api/auth/register").contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/users/" + account.id()))
                .andExpect(jsonPath("$.userId").value(account.id().toString()))
                .andExpect(jsonPath("$.email").value("ann@example.com"))
                .andExpect(jsonPath("$.password").doesNotExist());
    }

    @Test
    void normalisesTheAddressAndDisplayNameBeforeRegistering() throws Exception {
        when(registration.register(anyString(), anyString(), anyString()))
                .thenReturn(Account.register("ann@example.com", "{argon2}hash", "Test User", Instant.now()));

        mvc.perform(post("/api/auth/register").contentType(MediaType.APPLICATION_JSON).content("""
                        {"email": "  Ann@Example.COM ", "password": " violet-harbour-engine-42 ", "displayName": "  Ann  "}"""))
                .andExpect(status().isCreated());

        verify(registration).register("ann@example.com", " violet-harbour-engine-42 ", "Ann");
    }

    static Stream<Arguments> invalidRegistrations() {
        var password = "violet-harbour-engine-42";
        return Stream.of(
                Arguments.of("missing email", body(null, password, "Ann"), "email"),
                Arguments.of("blank email", body("  ", password, "Ann"), "email"),
                Arguments.of("not an email", body("ann.example.com", password, "Ann"), "email"),
                Arguments.of("255 character email", body("a".repeat(243) + "@example.com", password, "Ann"), "email"),
                Arguments.of("missing password", body("ann@example.com", null, "Ann"), "password"),
                Arguments.of("missing display name", body("ann@example.com", password, null), "displayName"),
                Arguments.of("blank display name", body("ann@example.com", password, "   "), "displayName"),
                Arguments.of("81 character display name", body("ann@example.com", password, "A".repeat(81)), "displayName"),
                Arguments.of("control character in display name", body("ann@example.com", password, "A\\u0007nn"), "displayName"),
                Arguments.of("zero-width spaces as display name", body("ann@example.com", password, "\\u200B\\u200B"), "displayName"),
                Arguments.of("NUL as display name", body("ann@example.com", password, "\\u0000"), "displayName"),
                Arguments.of("tab and newline as display name", body("ann@example.com", password, "\\t\\n"), "displayName"),
                Arguments.of("right-to-left override as display name", body("ann@example.com", password, "\\u202E"), "displayName"),
                Arguments.of("right-to-left override in display name", body("ann@example.com", password, "Ann\\u202Egnp"), "displayName"),
                Arguments.of("Hangul filler as display name", body("ann@example.com", password, "\\u3164"), "displayName"));
    }

    private static String body(@Nullable String email, @Nullable String password, @Nullable String displayName) {
        var fields = new StringJoiner(", ", "{", "}");
        if (email != null) {
            fields.add("\"email\": \"" + email + "\"");
        }
        if (password != null) {
            fields.add("\"password\": \"" + password + "\"");
        }
        if (displayName != null) {
            fields.add("\"displayName\": \"" + displayName + "\"");
        }
        return fields.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRegistrations")
    void refusesInvalidInputWithAValidationProblem(String description, String body, String field) throws Exception {
        mvc.perform(post("/api/auth/register").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://kitty.dev/problems/validation"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));

        verifyNoInteractions(registration);
    }

    @Test
    void acceptsAnEightyCharacterDisplayName() throws Exception {
        when(registration.register(anyString(), anyString(), anyString()))
                .thenReturn(Account.register("ann@example.com", "{argon2}hash", "Test User", Instant.now()));

        mvc.perform(post("/api/auth/register").contentType(MediaType.APPLICATION_JSON).content("""
                        {"email": "ann@example.com", "password": "violet-harbour-engine-42", "displayName": "%s"}"""
                        .formatted("A".repeat(80))))
                .andExpect(status().isCreated());
    }

    @Test
    void refusesMalformedJson() throws Exception {
        mvc.perform(post("/api/auth/register").contentType(MediaType.APPLICATION_JSON).content("{\"email\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://kitty.dev/problems/malformed-request"));
    }

    @Test
    void passesOnTheWeakPasswordProblem() throws Exception {
        when(registration.register(anyString(), anyString(), anyString()))
                .thenThrow(ApiProblem.badRequest("weak-password", "The password is too common."));

        mvc.perform(post("/api/auth/register").contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://kitty.dev/problems/weak-password"))
                .andExpect(jsonPath("$.title").exists())
                .andExpect(jsonPath("$.detail").value("The password is too common."));
    }

    @Test
    void passesOnTheEmailTakenConflict() throws Exception {
        when(registration.register(anyString(), anyString(), anyString()))
                .thenThrow(ApiProblem.conflict("email-taken", "An account with this email address already exists."));

        mvc.perform(post("/api/auth/register").contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://kitty.dev/problems/email-taken"));
    }

    @Test
    void verifiesAnEmailWithoutAToken() throws Exception {
        mvc.perform(post("/api/auth/verify-email").contentType(MediaType.APPLICATION_JSON).content("{\"token\": \"abc\"}"))
                .andExpect(status().isNoContent());

        verify(emailVerification).verify("abc");
    }

    @Test
    void refusesAMissingVerificationToken() throws Exception {
        mvc.perform(post("/api/auth/verify-email").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("token"));
    }

    @Test
    void passesOnTheInvalidTokenProblem() throws Exception {
        doThrow(ApiProblem.badRequest("invalid-token", "expired")).when(emailVerification).verify(any());

        mvc.perform(post("/api/auth/verify-email").contentType(MediaType.APPLICATION_JSON).content("{\"token\": \"abc\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://kitty.dev/problems/invalid-token"));
    }
}
