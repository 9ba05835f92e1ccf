package dev.kitty.auth.mfa;

import dev.kitty.auth.config.AuthProperties;
import dev.kitty.auth.secret.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * TOTP seeds encrypted at rest under the service's key-encryption secret: unlike a password, a
 * seed must be read back to compute codes, so hashing is not an option, and a copy of the
 * database alone must not let anyone generate a user's codes.
 */
@Component
class TotpSecrets {

    private final SecretCipher cipher;

    TotpSecrets(AuthProperties properties) {
        this.cipher = SecretCipher.keyPerPurpose(properties.keyEncryptionSecret(), "totp-secret");
    }

    byte[] seal(String base32Secret, UUID accountId) {
        return cipher.seal(base32Secret.getBytes(StandardCharsets.US_ASCII), accountId.toString());
    }

    String open(TotpCredential credential) {
        if (!cipher.scheme().equals(credential.secretProtection())) {
            throw new IllegalStateException("TOTP seed of " + credential.accountId() + " uses unknown scheme " + credential.secretProtection());
        }
        return new String(cipher.open(credential.sealedSecret(), credential.accountId().toString()), StandardCharsets.US_ASCII);
    }

    String scheme() {
        return cipher.scheme();
    }
}
