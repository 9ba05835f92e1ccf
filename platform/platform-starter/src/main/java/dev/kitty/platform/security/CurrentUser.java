package dev.kitty.platform.security;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The authenticated caller, as the access token describes them. Declare it as a controller
 * method parameter. Built only from a verified token: no request header can set it.
 */
public record CurrentUser(UUID id, String email, boolean emailVerified, Set<String> roles) {

    public static CurrentUser from(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(JwtPolicy.ROLES_CLAIM);
        Boolean verified = jwt.getClaimAsBoolean(JwtPolicy.EMAIL_VERIFIED_CLAIM);
        return new CurrentUser(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString(JwtPolicy.EMAIL_CLAIM),
                Boolean.TRUE.equals(verified), roles == null ? Set.of() : Set.copyOf(roles));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
