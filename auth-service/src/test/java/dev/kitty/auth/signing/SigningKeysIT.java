package dev.kitty.auth.signing;

import static dev.kitty.auth.AuthApi.PASSWORD;
import static dev.kitty.auth.AuthApi.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.kitty.auth.AuthApi;
import dev.kitty.auth.RunningAuthService;
import dev.kitty.auth.secret.SecretCipher;
import dev.kitty.platform.test.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

class SigningKeysIT extends RunningAuthService {

    @Test
    void publishesThePublicHalfOfEveryKeyInUse() throws Exception {
        var response = api.get("/oauth2/jwks");

        assertThat(response.status()).isEqualTo(200);
        var jwks = JWKSet.parse(response.body());
        var activeKid = jdbc.sql("SELECT kid FROM signing_key WHERE active").query(String.class).single();
        assertThat(jwks.getKeys()).isNotEmpty().allSatisfy(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getKeyUse().identifier()).isEqualTo("sig");
            assertThat(key.getAlgorithm().getName()).isEqualTo("RS256");
            assertThat(key.toRSAKey().size()).isGreaterThanOrEqualTo(2048);
        });
        assertThat(jwks.getKeyByKeyId(activeKid)).isNotNull();
        assertThat(response.body()).doesNotContain("\"d\"");
    }

    @Test
    void storesPrivateKeysEncrypted() {
        var stored = jdbc.sql("SELECT private_key, private_key_protection FROM signing_key WHERE active")
                .query((rs, n) -> Map.entry(rs.getBytes(1), rs.getString(2))).single();

        assertThat(stored.getValue()).isEqualTo(SecretCipher.KEY_PER_VALUE_SCHEME);
        assertThat(stored.getKey()[0]).as("sealed format version, not a DER SEQUENCE").isEqualTo((byte) 1);
    }

    @Test
    void servesOpenIdDiscoveryForTheIssuer() {
        var discovery = api.get("/.well-known/openid-configuration");

        assertThat(discovery.status()).isEqualTo(200);
        assertThat(discovery.field("issuer")).isEqualTo(TestTokens.ISSUER);
        assertThat(discovery.field("jwks_uri")).isEqualTo(TestTokens.ISSUER + "/oauth2/jwks");
        assertThat(discovery.field("token_endpoint")).isEqualTo(TestTokens.ISSUER + "/api/auth/login");
        assertThat(discovery.json().get("id_token_signing_alg_values_supported").get(0).asString()).isEqualTo("RS256");
    }

    @Test
    void keepsItsKeyAcrossRestartsSoIssuedTokensStayValid() throws Exception {
        var email = uniqueEmail("ann");
        api.register(email);
        var token = api.login(email, PASSWORD).field("access_token");
        var kid = SignedJWT.parse(token).getHeader().getKeyID();

        for (int restart = 1; restart <= 2; restart++) {
            try (var instance = startAnotherInstance()) {
                var restarted = new AuthApi(portOf(instance), json);

                assertThat(JWKSet.parse(restarted.get("/oauth2/jwks").body()).getKeyByKeyId(kid)).as("restart %d", restart).isNotNull();
                assertThat(instance.getBean(SigningKeys.class).signingKey().getKeyID()).isEqualTo(kid);
                // a token issued before the restart is accepted after it (404: authenticated, no such resource)
                assertThat(restarted.get("/api/auth/not-here", token).status()).isEqualTo(404);
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM signing_key WHERE active").query(Long.class).single()).isOne();
    }
}
