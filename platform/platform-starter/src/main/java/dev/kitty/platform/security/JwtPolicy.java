package dev.kitty.platform.security;

import dev.kitty.platform.revocation.RevokedCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * What every service demands of an access token (RFC 8725): signed with RS256 only (so
 * {@code alg: none} and HMAC-with-the-public-key are refused before any claim is read), by
 * a key from auth-service's JWKS (an unknown {@code kid} fails; {@code jku}, {@code x5u}
 * and embedded {@code jwk} headers are never followed), from our issuer, for our audience,
 * unexpired and already valid, an access token rather than another kind of token, and not
 * revoked since it was issued (when the service has the revocation feed).
 */
public final class JwtPolicy {

    /** The algorithm auth-service signs with. */
    public static final SignatureAlgorithm ALGORITHM = SignatureAlgorithm.RS256;

    /** Claim that tells an access token from refresh, verification or reset tokens. */
    public static final String TOKEN_USE_CLAIM = "token_use";
    public static final String ACCESS_TOKEN_USE = "access";

    /** The session a token belongs to (OIDC's {@code sid}): a login's refresh-token family, or the personal access token it was exchanged for. */
    public static final String SESSION_CLAIM = "sid";

    /** The account's system roles ({@code USER}, {@code ADMIN}, {@code SUPER_USER}); they become {@code ROLE_*} authorities. */
    public static final String ROLES_CLAIM = "roles";

    /** The account's email address (OIDC's {@code email}). */
    public static final String EMAIL_CLAIM = "email";

    /** Whether the account proved control of its address (OIDC's {@code email_verified}). */
    public static final String EMAIL_VERIFIED_CLAIM = "email_verified";

    /** How the caller authenticated (RFC 8176): {@value #AMR_PASSWORD}, {@value #AMR_OTP}, {@value #AMR_PERSONAL_ACCESS_TOKEN}. */
    public static final String AUTHENTICATION_METHODS_CLAIM = "amr";
    public static final String AMR_PASSWORD = "pwd";
    public static final String AMR_OTP = "otp";
    public static final String AMR_PERSONAL_ACCESS_TOKEN = "pat";

    private JwtPolicy() {
    }

    /** @param revoked the service's deny-list; {@code null} where the service has no revocation feed */
    public static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties, @Nullable RevokedCredentials revoked) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(properties.audience())),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()),
                new JwtClaimValidator<String>(TOKEN_USE_CLAIM, ACCESS_TOKEN_USE::equals)));
        if (revoked != null) {
            validators.add(new RevokedTokenValidator(revoked));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    /** Applies the policy to a decoder built elsewhere (auth-service decodes with its own key store). */
    public static NimbusJwtDecoder apply(NimbusJwtDecoder decoder, SecurityProperties properties, @Nullable RevokedCredentials revoked) {
        decoder.setClaimSetConverter(REQUIRING_ISSUE_TIME);
        decoder.setJwtValidator(validator(properties, revoked));
        return decoder;
    }

    /**
     * Spring fills in a missing {@code iat} as one second before {@code exp}; a token without it could then
     * never be placed before a revocation. auth-service always sets it, so its absence is refused (401).
     */
    private static final Converter<Map<String, Object>, Map<String, Object>> REQUIRING_ISSUE_TIME = new Converter<>() {

        private final MappedJwtClaimSetConverter defaults = MappedJwtClaimSetConverter.withDefaults(Map.of());

        @Override
        public Map<String, Object> convert(Map<String, Object> claims) {
            if (claims.get(JwtClaimNames.IAT) == null) {
                throw new BadJwtException("An access token must say when it was issued (iat)");
            }
            return defaults.convert(claims);
        }
    };
}
