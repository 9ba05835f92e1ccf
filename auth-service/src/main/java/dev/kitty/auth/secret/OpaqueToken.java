package dev.kitty.auth.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A random bearer secret handed to a client once (verification link, refresh token). Only
 * its SHA-256 {@link #hash()} is stored: the secret has full entropy, so a fast unsalted
 * hash is enough, and a leaked table holds nothing that can be presented.
 *
 * @param value what the client receives, URL-safe Base64 without padding
 * @param hash  what the database keeps, lower-case hex
 */
public record OpaqueToken(String value, String hash) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public OpaqueToken {
        if (!hash.equals(hashOf(value))) {
            throw new IllegalArgumentException("hash does not belong to the token");
        }
    }

    /** A new token of {@code bytes} random bytes (at least 16, i.e. 128 bits). */
    public static OpaqueToken generate(int bytes) {
        if (bytes < 16) {
            throw new IllegalArgumentException("an opaque token needs at least 128 random bits");
        }
        var random = new byte[bytes];
        RANDOM.nextBytes(random);
        var value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return new OpaqueToken(value, hashOf(value));
    }

    /** The stored form of a presented token, to look it up by. */
    public static String hashOf(String value) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "OpaqueToken[hash=" + hash + "]";
    }
}
