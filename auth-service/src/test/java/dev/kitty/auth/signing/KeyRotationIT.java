package dev.kitty.auth.signing;

import static dev.kitty.auth.AuthApi.PASSWORD;
import static dev.kitty.auth.AuthApi.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.kitty.auth.AuthApi;
import dev.kitty.auth.RunningAuthService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;

/**
 * Rotation without a single token becoming invalid early (OWASP ASVS 5.0 V11.1.1, key lifecycle), and
 * without a retired key verifying anything afterwards (ASVS 5.0 V9.1.3, keys only from the trusted,
 * current JWKS).
 */
class KeyRotationIT extends RunningAuthService {

    @Autowired
    KeyRotation rotation;

    @Test
    void rotationKeepsOldTokensValidSignsNewOnesWithTheNewKidAndRetiresTheOldKeyWhenItsTokensHaveExpired() throws Exception {
        var email = uniqueEmail("root");
        var userId = api.register(email);
        jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (?, 'SUPER_USER')").param(userId).update();
        var oldToken = login(email);
        var oldKid = SignedJWT.parse(oldToken).getHeader().getKeyID();

        var rotated = api.call(HttpMethod.POST, "/api/admin/keys/rotate", null, oldToken);

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        var newKid = rotated.field("kid");
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(publishedKids()).as("both verify for now").contains(oldKid, newKid);
        assertThat(api.call(HttpMethod.GET, "/api/auth/tokens", null, oldToken).status()).as("old token still accepted").isEqualTo(200);
        var newToken = login(email);
        assertThat(SignedJWT.parse(newToken).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(api.call(HttpMethod.GET, "/api/auth/tokens", null, newToken).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT kid FROM signing_key WHERE active").query(String.class).list()).containsExactly(newKid);

        // access-token lifetime (10 min) plus 60 s clock skew later
        jdbc.sql("UPDATE signing_key SET deactivated_at = now() - interval '11 minutes 1 second' WHERE kid = ?").param(oldKid).update();
        rotation.maintain();

        assertThat(publishedKids()).contains(newKid).doesNotContain(oldKid);
        assertThat(jdbc.sql("SELECT private_key_protection FROM signing_key WHERE kid = ?").param(oldKid).query(String.class).single())
                .as("the retired private key is erased").isEqualTo(SigningKey.ERASED);
        assertThat(api.call(HttpMethod.GET, "/api/auth/tokens", null, oldToken).status())
                .as("a token naming a retired kid is refused (RFC 8725 §3.10: the kid is untrusted input)").isEqualTo(401);
        assertThat(api.call(HttpMethod.GET, "/api/auth/tokens", null, newToken).status()).isEqualTo(200);
    }

    /** OWASP API5:2023: an ADMIN is not a SUPER_USER; nothing rotates. */
    @Test
    void onlyASuperUserRotates() {
        var email = uniqueEmail("admin");
        var userId = api.register(email);
        jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (?, 'ADMIN')").param(userId).update();
        var active = jdbc.sql("SELECT kid FROM signing_key WHERE active").query(String.class).single();

        assertThat(api.call(HttpMethod.POST, "/api/admin/keys/rotate", null, login(email)).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT kid FROM signing_key WHERE active").query(String.class).single()).isEqualTo(active);
    }

    private List<String> publishedKids() throws Exception {
        return JWKSet.parse(api.get("/oauth2/jwks").body()).getKeys().stream().map(JWK::getKeyID).toList();
    }

    private String login(String email) {
        var login = api.login(email, PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.field("access_token");
    }
}
