package dev.kitty.auth.signing;

import static dev.kitty.platform.test.web.JwtCallers.caller;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kitty.auth.account.Account;
import dev.kitty.auth.account.Accounts;
import dev.kitty.auth.account.StoredRoles;
import dev.kitty.auth.account.SystemRole;
import dev.kitty.platform.test.web.PlatformWebSlice;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(KeyRotationController.class)
@PlatformWebSlice
@Import(StoredRoles.class) // the real check, on the mocked store
class KeyRotationControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    KeyRotation rotation;

    @MockitoBean
    Accounts accounts;

    /** OWASP API5:2023, ASVS 5.0 V8.2.1: only a SUPER_USER reaches key rotation; without a token it is 401. */
    static Stream<Arguments> roleTable() {
        return Stream.of(
                Arguments.of(List.of(), 401),
                Arguments.of(List.of("USER"), 403),
                Arguments.of(List.of("USER", "ADMIN"), 403),
                Arguments.of(List.of("USER", "SUPER_USER"), 200));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("roleTable")
    void letsOnlyASuperUserRotateKeys(List<String> roles, int expected) throws Exception {
        var caller = storedSuperUser();
        when(rotation.rotateNow()).thenReturn("new-kid");
        var request = post("/api/admin/keys/rotate");
        if (!roles.isEmpty()) {
            request.with(caller(caller.id(), caller.email(), roles.toArray(String[]::new)));
        }

        mvc.perform(request).andExpect(status().is(expected));

        if (expected != 200) {
            verifyNoInteractions(rotation);
        }
    }

    @Test
    void answersWithTheNewKid() throws Exception {
        var caller = storedSuperUser();
        when(rotation.rotateNow()).thenReturn("new-kid");

        mvc.perform(post("/api/admin/keys/rotate").with(caller(caller.id(), caller.email(), "USER", "SUPER_USER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kid").value("new-kid"));
    }

    /** ASVS 5.0 V8.3.2: a SUPER_USER demoted since their token was issued cannot rotate keys. */
    @Test
    void refusesATokenWhoseSuperUserRoleIsNoLongerStored() throws Exception {
        var demoted = Account.register("su@example.com", "{argon2}hash", "Test User", Instant.now());
        when(accounts.findById(demoted.id())).thenReturn(Optional.of(demoted));

        mvc.perform(post("/api/admin/keys/rotate").with(caller(demoted.id(), demoted.email(), "USER", "SUPER_USER")))
                .andExpect(status().isForbidden());

        verifyNoInteractions(rotation);
    }

    private Account storedSuperUser() {
        var account = Account.register("su-" + UUID.randomUUID() + "@example.com", "{argon2}hash", "Test User", Instant.now());
        account.changeRoles(EnumSet.of(SystemRole.SUPER_USER));
        when(accounts.findById(account.id())).thenReturn(Optional.of(account));
        return account;
    }
}
