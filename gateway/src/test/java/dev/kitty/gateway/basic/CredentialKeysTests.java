package dev.kitty.gateway.basic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.gateway.basic.AuthorizationHeader.BasicCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialKeysTests {

    final CredentialKeys keys = new CredentialKeys();
    final BasicCredentials ann = new BasicCredentials("ann@example.com", "correct horse battery staple");

    @Test
    void givesTheSameCredentialsTheSameKey() {
        assertThat(keys.keyFor(ann)).isEqualTo(keys.keyFor(new BasicCredentials(ann.email(), ann.secret())));
    }

    @Test
    void givesOtherSecretsOrEmailsOtherKeys() {
        assertThat(keys.keyFor(ann))
                .isNotEqualTo(keys.keyFor(new BasicCredentials(ann.email(), "correct horse battery stapl")))
                .isNotEqualTo(keys.keyFor(new BasicCredentials("bob@example.com", ann.secret())));
    }

    @Test
    void keysCannotBeRecomputedWithoutTheProcessKey() throws Exception {
        var plainHash = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest((ann.email() + ":" + ann.secret()).getBytes(StandardCharsets.UTF_8)));

        assertThat(keys.keyFor(ann).digest())
                .isNotEqualTo(plainHash)
                .doesNotContain(ann.secret())
                .isNotEqualTo(new CredentialKeys().keyFor(ann).digest());
    }
}
