package dev.kitty.auth.signing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a signing key's private part for storage (see docs/adr/0001): AES-256-GCM under a key
 * derived from the configured secret with PBKDF2-HMAC-SHA256 and a fresh salt per key. The
 * kid is bound in as associated data, so a sealed key copied into another row does not open.
 *
 * <p>Layout: {@code version(1) | salt(16) | iv(12) | ciphertext+tag}.
 */
final class PrivateKeyCipher {

    /** Stored beside each key so a later scheme can tell old rows from new ones. */
    static final String SCHEME = "A256GCM-PBKDF2-SHA256";

    private static final byte VERSION = 1;
    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; paid once per key and start, not per request. */
    private static final int ITERATIONS = 600_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final char[] secret;

    PrivateKeyCipher(String secret) {
        this.secret = secret.toCharArray();
    }

    byte[] seal(byte[] privateKey, String kid) {
        var salt = random(SALT_BYTES);
        var iv = random(IV_BYTES);
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, derive(salt), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            var sealed = cipher.doFinal(privateKey);
            return ByteBuffer.allocate(1 + SALT_BYTES + IV_BYTES + sealed.length).put(VERSION).put(salt).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt signing key " + kid, e);
        }
    }

    byte[] open(byte[] sealed, String kid) {
        var buffer = ByteBuffer.wrap(sealed);
        if (sealed.length < 1 + SALT_BYTES + IV_BYTES + TAG_BITS / 8 || buffer.get() != VERSION) {
            throw new IllegalStateException("Signing key " + kid + " is not in a format this version can read");
        }
        var salt = new byte[SALT_BYTES];
        var iv = new byte[IV_BYTES];
        buffer.get(salt).get(iv);
        var ciphertext = new byte[buffer.remaining()];
        buffer.get(ciphertext);
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, derive(salt), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("Cannot decrypt signing key " + kid
                    + ": kitty.auth.key-encryption-secret (KITTY_AUTH_KEY_ENCRYPTION_SECRET) differs from the one it was stored with", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt signing key " + kid, e);
        }
    }

    private SecretKey derive(byte[] salt) throws GeneralSecurityException {
        KeySpec spec = new PBEKeySpec(secret, salt, ITERATIONS, 256);
        var derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        return new SecretKeySpec(derived, "AES");
    }

    private static byte[] random(int bytes) {
        var random = new byte[bytes];
        RANDOM.nextBytes(random);
        return random;
    }
}
