package dev.kitty.auth.pat;

import dev.kitty.auth.secret.OpaqueToken;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one-time visible form of a personal access token:
 * {@code kitty_pat_<lookupId>_<secret>}. The prefix lets people, secret scanners and the
 * exchange endpoint recognise it; the lookup id (64 random bits, hex) finds the row without
 * scanning; the secret (256 random bits, URL-safe Base64) is what proves possession.
 *
 * <p>Only {@link #hash()} is stored: SHA-256 over lookup id and secret. A fast hash is right
 * here, unlike for passwords: a slow hash (Argon2, bcrypt) buys time against guessing a
 * low-entropy secret from a leaked table, but 2^256 candidates cannot be searched at any
 * speed. Binding the hash to the lookup id means a hash copied into another row matches
 * nothing. And the exchange runs on every uncached Basic call, where an Argon2 check per call
 * would be a denial-of-service lever.
 *
 * @param lookupId public part, stored in clear and unique
 * @param secret   private part, never stored
 */
record PatSecret(String lookupId, String secret) {

    static final String PREFIX = "kitty_pat_";

    private static final int LOOKUP_BYTES = 8;
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile(
            Pattern.quote(PREFIX) + "([0-9a-f]{" + LOOKUP_BYTES * 2 + "})_([A-Za-z0-9_-]{43})");

    static PatSecret generate() {
        var lookup = new byte[LOOKUP_BYTES];
        RANDOM.nextBytes(lookup);
        return new PatSecret(HexFormat.of().formatHex(lookup), OpaqueToken.generate(SECRET_BYTES).value());
    }

    /** The token a client presented, if it has the exact shape of one; anything else is not a PAT. */
    static Optional<PatSecret> parse(String presented) {
        var matcher = FORMAT.matcher(presented);
        return matcher.matches() ? Optional.of(new PatSecret(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    static boolean hasPrefix(String presented) {
        return presented.startsWith(PREFIX);
    }

    String value() {
        return PREFIX + lookupId + "_" + secret;
    }

    String hash() {
        return OpaqueToken.hashOf(lookupId + ":" + secret);
    }

    @Override
    public String toString() {
        return "PatSecret[lookupId=" + lookupId + ", secret redacted]";
    }
}
