package dev.kitty.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.platform.test.web.JwtCallers;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

/**
 * platform-test spells this module's claim names out (it cannot depend on it): the callers of its
 * web slices must read as the platform reads a token.
 */
class JwtCallersTests {

    @Test
    void aSliceCallerIsTheCurrentUserAndHasTheAuthoritiesItsTokenGives() {
        var id = UUID.randomUUID();

        var token = JwtCallers.accessToken(id, "ann@kitty.test", List.of(JwtPolicy.AMR_PERSONAL_ACCESS_TOKEN), "USER", "ADMIN");

        assertThat(CurrentUser.from(token)).isEqualTo(new CurrentUser(id, "ann@kitty.test", true, Set.of("USER", "ADMIN")));
        assertThat(token.getClaimAsStringList(JwtPolicy.AUTHENTICATION_METHODS_CLAIM)).containsExactly(JwtPolicy.AMR_PERSONAL_ACCESS_TOKEN);
        assertThat(new ResourceServerAutoConfiguration().jwtAuthenticationConverter().convert(token).getAuthorities())
                .extracting(GrantedAuthority::getAuthority).filteredOn(authority -> authority.startsWith("ROLE_"))
                .containsExactlyInAnyOrder("ROLE_USER", "ROLE_ADMIN");
    }
}
