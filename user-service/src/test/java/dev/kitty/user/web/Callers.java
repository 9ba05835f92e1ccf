package dev.kitty.user.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Authenticated callers as the platform's JWT converter would build them from an access token. */
public final class Callers {

    private Callers() {
    }

    public static RequestPostProcessor caller(UUID id, String email, String... roles) {
        return jwt()
                .jwt(token -> token.subject(id.toString()).claim("email", email).claim("email_verified", true)
                        .claim("roles", List.of(roles)))
                .authorities(Arrays.stream(roles).<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
    }
}
