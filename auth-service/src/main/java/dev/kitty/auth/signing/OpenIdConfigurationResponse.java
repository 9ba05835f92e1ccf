package dev.kitty.auth.signing;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kitty.platform.security.JwtPolicy;
import java.util.List;

/**
 * OIDC discovery metadata (OpenID Connect Discovery 1.0 §3), snake_case as the spec names
 * it. Kitty is not a full OpenID provider: the document exists so that standard resource
 * servers and libraries find the issuer's keys and token endpoint.
 */
record OpenIdConfigurationResponse(
        @JsonProperty("issuer") String issuer,
        @JsonProperty("jwks_uri") String jwksUri,
        @JsonProperty("token_endpoint") String tokenEndpoint,
        @JsonProperty("response_types_supported") List<String> responseTypesSupported,
        @JsonProperty("subject_types_supported") List<String> subjectTypesSupported,
        @JsonProperty("id_token_signing_alg_values_supported") List<String> idTokenSigningAlgValuesSupported,
        @JsonProperty("token_endpoint_auth_methods_supported") List<String> tokenEndpointAuthMethodsSupported,
        @JsonProperty("grant_types_supported") List<String> grantTypesSupported,
        @JsonProperty("claims_supported") List<String> claimsSupported) {

    static OpenIdConfigurationResponse from(String issuer) {
        var base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return new OpenIdConfigurationResponse(
                base,
                base + "/oauth2/jwks",
                base + "/api/auth/login",
                List.of("token"),
                List.of("public"),
                List.of(SigningKeys.ALGORITHM),
                List.of("none"),
                List.of("password", "refresh_token"),
                List.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti", JwtPolicy.EMAIL_CLAIM, JwtPolicy.EMAIL_VERIFIED_CLAIM,
                        JwtPolicy.ROLES_CLAIM, JwtPolicy.AUTHENTICATION_METHODS_CLAIM));
    }
}
