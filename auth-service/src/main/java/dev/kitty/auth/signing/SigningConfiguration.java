package dev.kitty.auth.signing;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.kitty.platform.security.JwtPolicy;
import dev.kitty.platform.security.SecurityProperties;
import dev.kitty.platform.revocation.RevokedCredentials;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

    /** Sees only the active key, so it always signs with that one and names it in {@code kid}. */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        JWKSource<SecurityContext> activeKey = (selector, context) -> selector.select(new JWKSet(keys.signingKey()));
        return new NimbusJwtEncoder(activeKey);
    }

    /**
     * auth-service checks its own tokens against its key store directly rather than fetching
     * its own JWKS over HTTP; the rules are the platform's, as in every other service.
     */
    @Bean
    JwtDecoder ownKeysJwtDecoder(SigningKeys keys, SecurityProperties security, ObjectProvider<RevokedCredentials> revoked) {
        JWKSource<SecurityContext> publishedKeys = (selector, context) -> keys.select(selector);
        var decoder = NimbusJwtDecoder.withJwkSource(publishedKeys).jwsAlgorithm(JwtPolicy.ALGORITHM).build();
        return JwtPolicy.apply(decoder, security, revoked.getIfAvailable());
    }
}
