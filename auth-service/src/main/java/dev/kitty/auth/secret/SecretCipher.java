package dev.kitty.auth.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Encrypts secrets the service must read back under {@code kitty.auth.key-encryption-secret}
 * (docs/adr/0001, 0004): AES-256-GCM with a fresh 96-bit IV per value, the key derived with
 * PBKDF2-HMAC-SHA256 (600,000 iterations, OWASP 2023), and the caller's {@code context} (the kid,
 * the account id) bound in as associated data, so a sealed value copied to another row does not
 * open. Two ways to derive the key, each with its own stored scheme name:
 * <ul>
 *   <li>{@link #keyPerValue}: a fresh 16-byte salt per value, for what is opened rarely (a signing
 *       key, once per start). Layout {@code version(1) | salt(16) | iv(12) | ciphertext+tag};
 *       associated data: the context.</li>
 *   <li>{@link #keyPerPurpose}: one key per purpose (the purpose is the salt), for what is opened on
 *       every login (TOTP seeds), where 600,000 iterations per value would be too slow. Layout
 *       {@code version(1) | iv(12) | ciphertext+tag}; associated data: purpose, NUL, context.</li>
 * </ul>
 * Layouts and associated data are those the values were first stored with; they stay readable.
 */
public final class SecretCipher {

    /** The scheme stored beside values sealed by {@link #keyPerValue}. */
    public static final String KEY_PER_VALUE_SCHEME = "A256GCM-PBKDF2-SHA256";
    /** The scheme stored beside values sealed by {@link #keyPerPurpose}. */
    public static final String KEY_PER_PURPOSE_SCHEME = "A256GCM-PBKDF2-SHA256-PURPOSE";

    private static final byte VERSION = 1;
    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int ITERATIONS = 600_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final char[] secret;
    private final String purpose;
    /** Derived once when the key is per purpose; {@code null} when each value has its own. */
    private final @Nullable SecretKey purposeKey;

    private SecretCipher(String secret, String purpose, boolean keyPerPurpose) {
        this.secret = secret.toCharArray();
        this.purpose = purpose;
        this.purposeKey = keyPerPurpose ? derive(("kitty-auth/" + purpose).getBytes(StandardCharsets.UTF_8)) : null;
    }

    /**
     * @param secret  the configured key-encryption secret
     * @param purpose what the values are, e.g. {@code "signing key"}, for messages
     */
    public static SecretCipher keyPerValue(String secret, String purpose) {
        return new SecretCipher(secret, purpose, false);
    }

    /**
     * @param secret  the configured key-encryption secret
     * @param purpose what the values are, e.g. {@code "totp-secret"}; different purposes get different keys
     */
    public static SecretCipher keyPerPurpose(String secret, String purpose) {
        return new SecretCipher(secret, purpose, true);
    }

    /** The name to store beside a sealed value, so that a later scheme can tell old rows from new ones. */
    public String scheme() {
        return purposeKey == null ? KEY_PER_VALUE_SCHEME : KEY_PER_PURPOSE_SCHEME;
    }

    public byte[] seal(byte[] plaintext, String context) {
        var salt = purposeKey == null ? random(SALT_BYTES) : new byte[0];
        var iv = random(IV_BYTES);
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(salt), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(context));
            var sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + salt.length + IV_BYTES + sealed.length).put(VERSION).put(salt).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a " + purpose + " (" + context + ")", e);
        }
    }

    /** @throws IllegalStateException when the value was sealed under another secret, purpose or context, or was altered */
    public byte[] open(byte[] sealed, String context) {
        var saltBytes = purposeKey == null ? SALT_BYTES : 0;
        var header = 1 + saltBytes + IV_BYTES;
        if (sealed.length < header + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalStateException("A stored " + purpose + " (" + context + ") is not in a format this version can read");
        }
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(Arrays.copyOfRange(sealed, 1, 1 + saltBytes)),
                    new GCMParameterSpec(TAG_BITS, sealed, 1 + saltBytes, IV_BYTES));
            cipher.updateAAD(associatedData(context));
            return cipher.doFinal(sealed, header, sealed.length - header);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("Cannot decrypt a stored " + purpose + " (" + context + "): altered, moved, or"
                    + " kitty.auth.key-encryption-secret (KITTY_AUTH_KEY_ENCRYPTION_SECRET) differs from the one it was stored with", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt a stored " + purpose + " (" + context + ")", e);
        }
    }

    private SecretKey key(byte[] salt) {
        return purposeKey != null ? purposeKey : derive(salt);
    }

    private byte[] associatedData(String context) {
        return (purposeKey == null ? context : purpose + "\u0000" + context).getBytes(StandardCharsets.UTF_8);
    }

    private SecretKey derive(byte[] salt) {
        try {
            var spec = new PBEKeySpec(secret, salt, ITERATIONS, 256);
            var derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(derived, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot derive the " + purpose + " encryption key", e);
        }
    }

    private static byte[] random(int bytes) {
        var random = new byte[bytes];
        RANDOM.nextBytes(random);
        return random;
    }
}
