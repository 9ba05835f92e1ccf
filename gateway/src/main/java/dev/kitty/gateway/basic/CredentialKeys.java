package dev.kitty.gateway.basic;

import dev.kitty.gateway.basic.AuthorizationHeader.BasicCredentials;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Turns credentials into the token cache's key: HMAC-SHA256 of {@code email:secret} under a key
 * drawn at random when the process starts and never stored.
 *
 * <p>Why not the secret itself, or a plain hash: the cache lives in the heap for minutes. A plain
 * SHA-256 of {@code email:password} found in a heap dump lets anyone confirm a guessed password
 * offline at billions of guesses a second; with a secret per-process key the digest reveals
 * nothing and confirms nothing without that key, and restarting the gateway makes old dumps
 * worthless. (A slow password hash would defeat the point of the cache: it must cost microseconds.)
 */
@Component
class CredentialKeys {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    CredentialKeys() {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    CredentialKey keyFor(BasicCredentials credentials) {
        try {
            // Mac is not thread-safe and costs about a microsecond to set up: one per call
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(credentials.email().getBytes(StandardCharsets.UTF_8));
            // unambiguous: Basic's user-id (the email) cannot contain a colon
            mac.update((byte) ':');
            mac.update(credentials.secret().getBytes(StandardCharsets.UTF_8));
            return new CredentialKey(Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The cache key for one pair of credentials; reveals nothing about them. */
    record CredentialKey(String digest) {}
}
