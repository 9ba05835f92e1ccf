package dev.kitty.auth.admin;

import static dev.kitty.platform.test.web.JwtCallers.caller;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kitty.auth.account.Account;
import dev.kitty.auth.account.SystemRole;
import dev.kitty.auth.mfa.Mfa;
import dev.kitty.platform.test.web.PlatformWebSlice;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebMvcTest(AdminUsersController.class)
@PlatformWebSlice
class AdminUsersControllerTests {

    private static final UUID CALLER = UUID.fromString("2b1f8a40-0000-4000-8000-00000000000a");
    private static final Account TARGET = Account.register("bob@example.com", "{argon2}hash", "Test User", Instant.parse("2026-01-01T12:00:00Z"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    UserAdministration administration;

    @MockitoBean
    Mfa mfa;

    @BeforeEach
    void answerEveryAllowedCall() {
        when(administration.list(any(), any())).thenReturn(new PageImpl<>(List.of(TARGET), PageRequest.of(0, 20), 1));
        when(administration.changeRoles(any(), any(), anyList())).thenReturn(TARGET);
        when(mfa.enabledAmong(any())).thenReturn(Set.of(TARGET.id()));
    }

    enum Endpoint {
        LIST_USERS(() -> get("/api/admin/users")),
        CHANGE_ROLES(() -> put("/api/admin/users/" + TARGET.id() + "/roles").contentType(MediaType.APPLICATION_JSON)
                .content("{\"roles\": [\"USER\", \"ADMIN\", \"SUPER_USER\"]}")),
        LOCK(() -> post("/api/admin/users/" + TARGET.id() + "/lock")),
        UNLOCK(() -> post("/api/admin/users/" + TARGET.id() + "/unlock"));

        /** A fresh builder per request: builders collect post-processors. */
        final Supplier<MockHttpServletRequestBuilder> request;

        Endpoint(Supplier<MockHttpServletRequestBuilder> request) {
            this.request = request;
        }
    }

    /**
     * Role × endpoint → status. OWASP API5:2023 (broken function level authorization) and ASVS 5.0
     * V8.2.1 (function-level access only with explicit permission): a USER reaches no admin
     * function, an ADMIN every one but granting roles, so an ADMIN cannot make themselves
     * SUPER_USER; no token at all is a 401.
     */
    static Stream<Arguments> roleTable() {
        return Stream.of(
                Arguments.of(List.of(), Endpoint.LIST_USERS, 401),
                Arguments.of(List.of(), Endpoint.CHANGE_ROLES, 401),
                Arguments.of(List.of(), Endpoint.LOCK, 401),
                Arguments.of(List.of(), Endpoint.UNLOCK, 401),
                Arguments.of(List.of("USER"), Endpoint.LIST_USERS, 403),
                Arguments.of(List.of("USER"), Endpoint.CHANGE_ROLES, 403),
                Arguments.of(List.of("USER"), Endpoint.LOCK, 403),
                Arguments.of(List.of("USER"), Endpoint.UNLOCK, 403),
                Arguments.of(List.of("USER", "ADMIN"), Endpoint.LIST_USERS, 200),
                Arguments.of(List.of("USER", "ADMIN"), Endpoint.CHANGE_ROLES, 403),
                Arguments.of(List.of("USER", "ADMIN"), Endpoint.LOCK, 204),
                Arguments.of(List.of("USER", "ADMIN"), Endpoint.UNLOCK, 204),
                Arguments.of(List.of("USER", "SUPER_USER"), Endpoint.LIST_USERS, 200),
                Arguments.of(List.of("USER", "SUPER_USER"), Endpoint.CHANGE_ROLES, 200),
                Arguments.of(List.of("USER", "SUPER_USER"), Endpoint.LOCK, 204),
                Arguments.of(List.of("USER", "SUPER_USER"), Endpoint.UNLOCK, 204),
                Arguments.of(List.of("USER", "ADMIN", "SUPER_USER"), Endpoint.CHANGE_ROLES, 200));
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @MethodSource("roleTable")
    void allowsEachAdminEndpointOnlyToItsRoles(List<String> roles, Endpoint endpoint, int expected) throws Exception {
        var request = endpoint.request.get();
        if (!roles.isEmpty()) {
            request.with(caller(CALLER, "caller@example.com", roles.toArray(String[]::new)));
        }

        var result = mvc.perform(request).andExpect(status().is(expected));

        if (expected >= 400) {
            result.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            verifyNoInteractions(administration);
        }
    }

    @Test
    void listsUsersPagedWithTheirStanding() throws Exception {
        mvc.perform(get("/api/admin/users?page=0&size=20").with(caller(CALLER, "caller@example.com", "USER", "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].id").value(TARGET.id().toString()))
                .andExpect(jsonPath("$.content[0].email").value("bob@example.com"))
                .andExpect(jsonPath("$.content[0].roles[0]").value("USER"))
                .andExpect(jsonPath("$.content[0].status").value("ACTIVE"))
                .andExpect(jsonPath("$.content[0].mfaEnabled").value(true))
                .andExpect(jsonPath("$.content[0].createdAt").value("2026-01-01T12:00:00Z"))
                .andExpect(jsonPath("$.content[0].passwordHash").doesNotExist())
                .andExpect(jsonPath("$.page.number").value(0))
                .andExpect(jsonPath("$.page.size").value(20))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.page.totalPages").value(1));

        verify(administration).list(CALLER, PageRequest.of(0, 20, Sort.by("createdAt", "id")));
    }

    static Stream<Arguments> invalidPaging() {
        return Stream.of(
                Arguments.of("size over 100", "size=101", "size"),
                Arguments.of("size zero", "size=0", "size"),
                Arguments.of("negative page", "page=-1", "page"),
                Arguments.of("page not a number", "page=first", "page"),
                Arguments.of("absurd page", "page=99999999999", "page"));
    }

    /** OWASP API4:2023 (unrestricted resource consumption): a page holds at most 100 users. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPaging")
    void refusesPagingOutsideTheLimits(String description, String query, String field) throws Exception {
        mvc.perform(get("/api/admin/users?" + query).with(caller(CALLER, "caller@example.com", "USER", "ADMIN")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field));

        verifyNoInteractions(administration);
    }

    static Stream<Arguments> invalidRoleChanges() {
        return Stream.of(
                Arguments.of("no roles field", "{}"),
                Arguments.of("roles not a list", "{\"roles\": \"ADMIN\"}"),
                Arguments.of("a null role", "{\"roles\": [null]}"),
                Arguments.of("a blank role", "{\"roles\": [\" \"]}"),
                Arguments.of("eleven roles", "{\"roles\": [" + "\"USER\",".repeat(10) + "\"USER\"]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRoleChanges")
    void refusesMalformedRoleChanges(String description, String body) throws Exception {
        mvc.perform(put("/api/admin/users/" + TARGET.id() + "/roles").with(caller(CALLER, "caller@example.com", "USER", "SUPER_USER"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        verifyNoInteractions(administration);
    }

    @Test
    void answersARoleChangeWithTheUsersNewView() throws Exception {
        var promoted = Account.register("cy@example.com", "{argon2}hash", "Test User", Instant.now());
        promoted.changeRoles(EnumSet.of(SystemRole.ADMIN));
        when(administration.changeRoles(CALLER, promoted.id(), List.of("ADMIN"))).thenReturn(promoted);

        mvc.perform(put("/api/admin/users/" + promoted.id() + "/roles").with(caller(CALLER, "caller@example.com", "USER", "SUPER_USER"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"roles\": [\"ADMIN\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(promoted.id().toString()))
                .andExpect(jsonPath("$.roles[0]").value("ADMIN"))
                .andExpect(jsonPath("$.roles[1]").value("USER"));
    }

    @Test
    void refusesAMalformedUserIdWithABadRequest() throws Exception {
        mvc.perform(post("/api/admin/users/not-a-uuid/lock").with(caller(CALLER, "caller@example.com", "USER", "ADMIN")))
                .andExpect(status().isBadRequest());

        verifyNoInteractions(administration);
    }
}
