package dev.kitty.user.settings;

import static dev.kitty.platform.test.web.JwtCallers.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

import dev.kitty.platform.test.web.PlatformWebSlice;
import dev.kitty.user.web.UserProblems;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(SettingsController.class)
@PlatformWebSlice
class SettingsControllerTests {

    private static final UUID USER = UUID.fromString("3f8a2c7e-5b1d-4e6f-9a0b-1c2d3e4f5a6b");
    private static final String VALID = """
            {"currency": "GBP", "locale": "en-gb", "timeZone": "Europe/London",
             "notifications": {"invitations": true, "budgetAlerts": true, "goalReached": false, "monthlySummary": true}}""";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    SettingsManagement settings;

    @Test
    void showsTheCallersSettings() {
        given(settings.find(USER)).willReturn(Settings.defaultsFor(USER));

        var response = mvc.get().uri("/api/users/me/settings").with(caller(USER, "ada@example.com", "USER"));

        assertThat(response).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                {"currency": "EUR", "locale": "en", "timeZone": "UTC",
                 "notifications": {"invitations": true, "budgetAlerts": true, "goalReached": true, "monthlySummary": true}}""");
    }

    @Test
    void settingsNotCreatedYetAreA404Problem() {
        given(settings.find(USER)).willThrow(UserProblems.profileNotFound());

        var response = mvc.get().uri("/api/users/me/settings").with(caller(USER, "ada@example.com", "USER"));

        assertThat(response).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void replacesTheSettingsWithTheirCanonicalForms() {
        var preferences = new NotificationPreferences(true, true, false, true);
        var changed = Settings.defaultsFor(USER);
        changed.change(Currency.getInstance("GBP"), Locale.UK, ZoneId.of("Europe/London"), preferences);
        given(settings.change(USER, Currency.getInstance("GBP"), Locale.UK, ZoneId.of("Europe/London"), preferences))
                .willReturn(changed);

        var response = mvc.put().uri("/api/users/me/settings").with(caller(USER, "ada@example.com", "USER"))
                .contentType(MediaType.APPLICATION_JSON).content(VALID);

        assertThat(response).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"currency": "GBP", "locale": "en-GB", "timeZone": "Europe/London", "notifications": {"goalReached": false}}""");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            "currency": "GBP"           | "currency": "gbp"             | currency
            "currency": "GBP"           | "currency": "XYZ"             | currency
            "currency": "GBP"           | "currency": ""                | currency
            "currency": "GBP",          | ''                            | currency
            "locale": "en-gb"           | "locale": "en_GB"             | locale
            "locale": "en-gb"           | "locale": "not a language"    | locale
            "locale": "en-gb"           | "locale": null                | locale
            "timeZone": "Europe/London" | "timeZone": "Mars/Olympus"    | timeZone
            "timeZone": "Europe/London" | "timeZone": " "               | timeZone
            "goalReached": false        | "goalReached": null           | notifications.goalReached
            "notifications": {          | "notifications": null, "x": { | notifications
            """)
    void refusesInvalidSettingsWithTheFieldsAtFaultAndChangesNothing(String valid, String invalid, String field) {
        var body = VALID.replace(valid, invalid);
        assertThat(body).isNotEqualTo(VALID);

        var response = mvc.put().uri("/api/users/me/settings").with(caller(USER, "ada@example.com", "USER"))
                .contentType(MediaType.APPLICATION_JSON).content(body);

        assertThat(response).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response).bodyJson().extractingPath("$.type").isEqualTo("https://kitty.dev/problems/validation");
        assertThat(response).bodyJson().extractingPath("$.errors[*].field").asArray().containsOnly(field);
        then(settings).should(never()).change(any(), any(), any(), any(), any());
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        var response = mvc.put().uri("/api/users/me/settings").with(caller(USER, "ada@example.com", "USER"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"currency": "Euro", "locale": "??", "timeZone": "Nowhere"}""");

        assertThat(response).hasStatus(HttpStatus.BAD_REQUEST);
        // "Euro" breaks two rules (the column's 3 characters and ISO 4217): both are listed
        assertThat(response).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactly("currency", "currency", "locale", "notifications", "timeZone");
    }

    @Test
    void refusesAWrongJsonTypeAsMalformed() {
        var response = mvc.put().uri("/api/users/me/settings").with(caller(USER, "ada@example.com", "USER"))
                .contentType(MediaType.APPLICATION_JSON).content(VALID.replace("\"goalReached\": false", "\"goalReached\": \"maybe\""));

        assertThat(response).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(response).bodyJson().extractingPath("$.type").isEqualTo("https://kitty.dev/problems/malformed-request");
        then(settings).shouldHaveNoInteractions();
    }
}
