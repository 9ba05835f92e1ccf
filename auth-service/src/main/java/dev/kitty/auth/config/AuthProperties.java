package dev.kitty.auth.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token lifetimes, password hashing cost and signing-key protection. Checked at start-up:
 * a value below the security floor stops the service rather than weakening it quietly.
 *
 * @param accessTokenTtl       lifetime of an access token; at most 15 minutes because it cannot be revoked
 * @param refreshTokenTtl      lifetime of each refresh token (every rotation starts a new one)
 * @param emailVerificationTtl how long a verification link stays usable
 * @param keyEncryptionSecret  encrypts the signing keys' private parts at rest (env {@code KITTY_AUTH_KEY_ENCRYPTION_SECRET})
 * @param signingKeySize       RSA modulus length of newly generated signing keys
 * @param passwordHashing      Argon2id cost parameters
 */
@ConfigurationProperties("kitty.auth")
public record AuthProperties(
        @DefaultValue("10m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("24h") Duration emailVerificationTtl,
        String keyEncryptionSecret,
        @DefaultValue("2048") int signingKeySize,
        @DefaultValue PasswordHashing passwordHashing) {

    /** Secrets starting with this are the committed development default and protect nothing. */
    public static final String DEVELOPMENT_SECRET_PREFIX = "dev-only-";

    static final Duration MAX_ACCESS_TOKEN_TTL = Duration.ofMinutes(15);

    public AuthProperties {
        require(accessTokenTtl.isPositive() && accessTokenTtl.compareTo(MAX_ACCESS_TOKEN_TTL) <= 0,
                "kitty.auth.access-token-ttl must be positive and at most 15 minutes, was " + accessTokenTtl);
        require(refreshTokenTtl.isPositive(), "kitty.auth.refresh-token-ttl must be positive");
        require(emailVerificationTtl.isPositive(), "kitty.auth.email-verification-ttl must be positive");
        require(keyEncryptionSecret != null && keyEncryptionSecret.length() >= 32,
                "kitty.auth.key-encryption-secret (KITTY_AUTH_KEY_ENCRYPTION_SECRET) must be set, at least 32 characters");
        require(signingKeySize >= 2048, "kitty.auth.signing-key-size must be at least 2048 bits");
    }

    public boolean usesDevelopmentSecret() {
        return keyEncryptionSecret.startsWith(DEVELOPMENT_SECRET_PREFIX);
    }

    /**
     * Argon2id cost. The floor is OWASP ASVS 5.0's minimum (19 MiB, 2 passes, 1 lane);
     * Spring Security's own defaults are below it.
     */
    public record PasswordHashing(
            @DefaultValue("19456") int memoryKib,
            @DefaultValue("2") int iterations,
            @DefaultValue("1") int parallelism) {

        public PasswordHashing {
            require(memoryKib >= 19456, "kitty.auth.password-hashing.memory-kib must be at least 19456 (19 MiB)");
            require(iterations >= 2, "kitty.auth.password-hashing.iterations must be at least 2");
            require(parallelism >= 1, "kitty.auth.password-hashing.parallelism must be at least 1");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
