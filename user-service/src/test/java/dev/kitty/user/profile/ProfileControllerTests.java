package dev.kitty.user.profile;

import static dev.kitty.user.profile.ProfileFixtures.ADA_ID;
import static dev.kitty.user.profile.ProfileFixtures.ada;
import static dev.kitty.platform.test.web.JwtCallers.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

import dev.kitty.platform.test.web.PlatformWebSlice;
import dev.kitty.user.web.UserProblems;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(ProfileController.class)
@PlatformWebSlice
class ProfileControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    ProfileManagement profiles;

    @Test
    void showsTheCallersProfile() {
        given(profiles.find(ADA_ID)).willReturn(ada());

        var response = mvc.get().uri("/api/users/me").with(caller(ADA_ID, "ada@example.com", "USER"));

        assertThat(response).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"id": "%s", "email": "ada@example.com", "displayName": "Ada", "createdAt": "2026-11-23T09:15:30Z"}
                """.formatted(ADA_ID));
    }

    @Test
    void aProfileNotCreatedYetIsA404ThatInvitesPolling() {
        given(profiles.find(ADA_ID)).willThrow(UserProblems.profileNotFound());

        var response = mvc.get().uri("/api/users/me").with(caller(ADA_ID, "ada@example.com", "USER"));

        assertThat(response).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response).bodyJson().extractingPath("$.type").isEqualTo("https://kitty.dev/problems/profile-not-found");
        assertThat(response).bodyJson().extractingPath("$.detail").asString().contains("may still be being created");
    }

    @Test
    void withoutATokenTheAnswerIsA401Problem() {
        var response = mvc.get().uri("/api/users/me");

        assertThat(response).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .containsHeader("WWW-Authenticate");
        assertThat(response).bodyJson().extractingPath("$.type").isEqualTo("https://kitty.dev/problems/unauthorized");
    }

    @Test
    void renamesTheCallerWithTheTrimmedName() {
        var renamed = ada();
        renamed.rename("Ada Lovelace");
        given(profiles.rename(ADA_ID, "Ada Lovelace")).willReturn(renamed);

        var response = mvc.patch().uri("/api/users/me").with(caller(ADA_ID, "ada@example.com", "USER"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"displayName": "  Ada Lovelace  "}""");

        assertThat(response).hasStatusOk().bodyJson().extractingPath("$.displayName").isEqualTo("Ada Lovelace");
    }

    static Stream<Arguments> badRenames() {
        return Stream.of(
                Arguments.of("{}", "validation", "displayName"),
                Arguments.of("{\"displayName\": null}", "validation", "displayName"),
                Arguments.of("{\"displayName\": \"   \"}", "validation", "displayName"),
                Arguments.of("{\"displayName\": \"" + "x".repeat(81) + "\"}", "validation", "displayName"),
                Arguments.of("{\"displayName\": \"Ada\\u0000\"}", "validation", "displayName"),
                Arguments.of("{\"displayName\": [\"Ada\"]}", "malformed-request", "displayName"),
                Arguments.of("{\"displayName\": ", "malformed-request", null));
    }

    @ParameterizedTest
    @MethodSource("badRenames")
    void refusesBadNamesWithAProblemAndChangesNothing(String body, String problem, String field) {
        var response = mvc.patch().uri("/api/users/me").with(caller(ADA_ID, "ada@example.com", "USER"))
                .contentType(MediaType.APPLICATION_JSON).content(body);

        assertThat(response).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response).bodyJson().extractingPath("$.type").isEqualTo("https://kitty.dev/problems/" + problem);
        if (field != null) {
            assertThat(response).bodyJson().extractingPath("$.errors[*].field").asArray().containsOnly(field);
        }
        then(profiles).should(never()).rename(any(), anyString());
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
            "USER,       403",
            "ADMIN,      200",
            "SUPER_USER, 200",
    })
    void onlyAdminsAndSuperUsersListProfiles(String role, int status) {
        given(profiles.search(eq(null), any())).willReturn(new PageImpl<>(List.of(ada()), PageRequest.of(0, 20), 1));

        var response = mvc.get().uri("/api/users").with(caller(ADA_ID, "ada@example.com", role));

        assertThat(response).hasStatus(status);
        if (status == 403) {
            assertThat(response).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response).bodyJson().extractingPath("$.type").isEqualTo("https://kitty.dev/problems/forbidden");
            then(profiles).shouldHaveNoInteractions();
        }
    }

    @Test
    void listsProfilesAsAPageFilteredByEmail() {
        given(profiles.search(eq("EXAMPLE"), any(Pageable.class)))
                .willReturn(new PageImpl<>(List.of(ada()), PageRequest.of(1, 1), 3));

        var response = mvc.get().uri("/api/users?email=EXAMPLE&page=1&size=1").with(caller(ADA_ID, "admin@example.com", "ADMIN"));

        assertThat(response).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"content": [{"id": "%s", "email": "ada@example.com", "displayName": "Ada"}],
                 "page": {"number": 1, "size": 1, "totalElements": 3, "totalPages": 3}}
                """.formatted(ADA_ID));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
            "size=101,    size",
            "size=0,      size",
            "page=-1,     page",
            "page=abc,    page",
    })
    void refusesPagesOutsideTheLimits(String query, String field) {
        var response = mvc.get().uri("/api/users?" + query).with(caller(ADA_ID, "admin@example.com", "ADMIN"));

        assertThat(response).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
        then(profiles).shouldHaveNoInteractions();
    }
}
