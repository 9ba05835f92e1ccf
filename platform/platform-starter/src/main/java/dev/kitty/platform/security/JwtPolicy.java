package dev.kitty.platform.security;

import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * What every service demands of an access token (RFC 8725): signed with RS256 only (so
 * {@code alg: none} and HMAC-with-the-public-key are refused before any claim is read), by
 * a key from auth-service's JWKS (an unknown {@code kid} fails; {@code jku}, {@code x5u}
 * and embedded {@code jwk} headers are never followed), from our issuer, for our audience,
 * unexpired and already valid, and an access token rather than another kind of token.
 */
public final class JwtPolicy {

    /** The algorithm auth-service signs with. */
    public static final SignatureAlgorithm ALGORITHM = SignatureAlgorithm.RS256;

    /** Claim that tells an access token from refresh, verification or reset tokens. */
    public static final String TOKEN_USE_CLAIM = "token_use";
    public static final String ACCESS_TOKEN_USE = "access";

    private JwtPolicy() {
    }

    public static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
        List<OAuth2TokenValidator<Jwt>> validators = List.of(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(properties.audience())),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()),
                new JwtClaimValidator<String>(TOKEN_USE_CLAIM, ACCESS_TOKEN_USE::equals));
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    /** Applies the policy to a decoder built elsewhere (auth-service decodes with its own key store). */
    public static NimbusJwtDecoder apply(NimbusJwtDecoder decoder, SecurityProperties properties) {
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }
}
