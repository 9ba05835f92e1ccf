package dev.kitty.platform.test.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Authenticated callers of a {@link PlatformWebSlice} test, as the platform's JWT converter builds
 * them from an access token. The claim names are platform-starter's {@code JwtPolicy} constants,
 * spelled out because this module cannot depend on platform-starter.
 */
public final class JwtCallers {

    private JwtCallers() {
    }

    /** Signed in with a password ({@code amr} ["pwd"]), email verified, with these system roles. */
    public static RequestPostProcessor caller(UUID id, String email, String... roles) {
        return caller(id, email, List.of("pwd"), roles);
    }

    /** @param amr how the caller authenticated, e.g. ["pat"] for a token exchanged for a personal access token */
    public static RequestPostProcessor caller(UUID id, String email, List<String> amr, String... roles) {
        return jwt()
                .jwt(accessToken(id, email, amr, roles))
                .authorities(Arrays.stream(roles).<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
    }

    /** The decoded access token behind {@link #caller}: what the platform's converter reads. */
    public static Jwt accessToken(UUID id, String email, List<String> amr, String... roles) {
        var now = Instant.now();
        return Jwt.withTokenValue("slice-token").header("alg", "RS256")
                .subject(id.toString()).issuedAt(now).expiresAt(now.plusSeconds(600))
                .claim("email", email).claim("email_verified", true).claim("roles", List.of(roles)).claim("amr", amr)
                .build();
    }
}
