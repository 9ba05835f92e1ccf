package dev.kitty.auth.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts small secrets the service must read back (TOTP seeds) under
 * {@code kitty.auth.key-encryption-secret}, the same secret and primitives that seal the
 * signing keys (docs/adr/0004): AES-256-GCM with a fresh 96-bit IV per value. Unlike a signing
 * key, such a secret is opened on every login, so the PBKDF2 key is derived once per purpose
 * (the purpose is the salt) rather than per value. The caller's {@code context} (e.g. the account
 * id) is bound in as associated data: a sealed value copied to another row does not open.
 *
 * <p>Layout: {@code version(1) | iv(12) | ciphertext+tag}.
 */
public final class SecretCipher {

    /** Stored beside each value so that a later scheme can tell old rows from new ones. */
    public static final String SCHEME = "A256GCM-PBKDF2-SHA256-PURPOSE";

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int ITERATIONS = 600_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final String purpose;

    /**
     * @param secret  the configured key-encryption secret
     * @param purpose what the values are, e.g. {@code "totp-secret"}; different purposes get different keys
     */
    public SecretCipher(String secret, String purpose) {
        this.purpose = purpose;
        this.key = derive(secret, purpose);
    }

    public byte[] seal(byte[] plaintext, String context) {
        var iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(context));
            var sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a " + purpose, e);
        }
    }

    /** @throws IllegalStateException when the value was sealed under another secret, purpose or context, or was altered */
    public byte[] open(byte[] sealed, String context) {
        if (sealed.length < 1 + IV_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalStateException("A stored " + purpose + " is not in a format this version can read");
        }
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, IV_BYTES));
            cipher.updateAAD(aad(context));
            return cipher.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("Cannot decrypt a stored " + purpose
                    + ": altered, moved, or kitty.auth.key-encryption-secret differs from the one it was stored with", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt a stored " + purpose, e);
        }
    }

    private byte[] aad(String context) {
        return (purpose + "\u0000" + context).getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKey derive(String secret, String purpose) {
        try {
            var salt = ("kitty-auth/" + purpose).getBytes(StandardCharsets.UTF_8);
            var spec = new PBEKeySpec(secret.toCharArray(), salt, ITERATIONS, 256);
            var derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(derived, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot derive the " + purpose + " encryption key", e);
        }
    }
}
