package dev.kitty.auth;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Authenticated callers of a {@code @WebMvcTest} slice, as the platform's JWT converter builds them from an access token. */
public final class JwtCallers {

    private JwtCallers() {
    }

    /** Signed in with a password ({@code amr} ["pwd"]). */
    public static RequestPostProcessor caller(UUID id, String email, String... roles) {
        return caller(id, email, List.of("pwd"), roles);
    }

    public static RequestPostProcessor caller(UUID id, String email, List<String> amr, String... roles) {
        return jwt()
                .jwt(token -> token.subject(id.toString()).claim("email", email).claim("email_verified", true)
                        .claim("roles", List.of(roles)).claim("amr", amr))
                .authorities(Arrays.stream(roles).<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
    }
}
