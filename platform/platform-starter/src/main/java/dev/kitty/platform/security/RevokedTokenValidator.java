package dev.kitty.platform.security;

import dev.kitty.platform.revocation.RevokedCredentials;
import java.util.UUID;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses an access token whose account's credentials were revoked after it was issued (locked,
 * deleted, password changed or reset, roles changed, the personal access token it came from
 * revoked), within a second of the revocation instead of at the token's expiry.
 */
final class RevokedTokenValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2TokenValidatorResult REVOKED = OAuth2TokenValidatorResult.failure(
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token was revoked", null));

    private final RevokedCredentials revoked;

    RevokedTokenValidator(RevokedCredentials revoked) {
        this.revoked = revoked;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        if (token.getIssuedAt() == null || token.getSubject() == null) {
            // a token without iat cannot be placed before or after a revocation: the safe answer is no
            return REVOKED;
        }
        UUID account;
        try {
            account = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException e) {
            return OAuth2TokenValidatorResult.success(); // not ours to judge: CurrentUser refuses a malformed subject
        }
        var session = token.getClaimAsString(JwtPolicy.SESSION_CLAIM);
        return revoked.isRevoked(account, token.getIssuedAt(), session) ? REVOKED : OAuth2TokenValidatorResult.success();
    }
}
