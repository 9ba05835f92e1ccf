package dev.kitty.auth.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.kitty.auth.config.AuthProperties;
import dev.kitty.auth.secret.SecretCipher;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The service's signing keys, kept in its database so tokens outlive restarts and every
 * instance signs with the same key. The first instance to start with an empty table creates
 * the key; a unique index on the active flag makes a concurrent second attempt fail and
 * adopt the winner's key. What is read is cached and re-read every {@link #RELOAD_AFTER},
 * so a key activated elsewhere (rotation) is picked up without a restart.
 */
@Component
class SigningKeys implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    static final String ALGORITHM = JWSAlgorithm.RS256.getName();
    static final Duration RELOAD_AFTER = Duration.ofSeconds(60);
    /** A token with an unknown kid may trigger a re-read, but not more often than this: kids are attacker-chosen. */
    static final Duration UNKNOWN_KID_RELOAD_INTERVAL = Duration.ofSeconds(10);

    private final SigningKeyRepository repository;
    private final SecretCipher cipher;
    private final AuthProperties properties;
    private final Clock clock;
    private final Map<String, RSAKey> opened = new ConcurrentHashMap<>();
    private volatile @Nullable Loaded loaded;

    SigningKeys(SigningKeyRepository repository, AuthProperties properties, Clock clock) {
        this.repository = repository;
        this.cipher = SecretCipher.keyPerValue(properties.keyEncryptionSecret(), "signing key");
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        if (properties.usesDevelopmentSecret()) {
            log.warn("Signing keys are encrypted with the DEVELOPMENT secret committed to the repository. "
                    + "Set KITTY_AUTH_KEY_ENCRYPTION_SECRET to a random value of at least 32 characters outside a laptop.");
        }
        var current = reload();
        if (current.active() == null) {
            createActiveKey();
            current = reload();
        }
        if (current.active() == null) {
            throw new IllegalStateException("No active signing key after creating one");
        }
        log.info("Signing with key {}; publishing {} key(s)", current.active().getKeyID(), current.published().size());
    }

    /** The key that signs new tokens, private part included. */
    RSAKey signingKey() {
        var active = current().active();
        if (active == null) {
            throw new IllegalStateException("No active signing key");
        }
        return active;
    }

    /** The public halves of every key whose tokens may still be around: the JWKS. */
    JWKSet publishedKeys() {
        return current().published();
    }

    /** Verification keys matching a token's header; an unknown kid may have been created by another instance. */
    List<JWK> select(JWKSelector selector) {
        var snapshot = current();
        var matched = selector.select(snapshot.published());
        if (matched.isEmpty() && clock.instant().isAfter(snapshot.loadedAt().plus(UNKNOWN_KID_RELOAD_INTERVAL))) {
            matched = selector.select(reload().published());
        }
        return matched;
    }

    private Loaded current() {
        var snapshot = loaded;
        if (snapshot == null || clock.instant().isAfter(snapshot.loadedAt().plus(RELOAD_AFTER))) {
            return reload();
        }
        return snapshot;
    }

    private synchronized Loaded reload() {
        var rows = repository.findByRetiredAtIsNullOrderByCreatedAtDesc();
        var published = rows.stream().map(row -> (JWK) publicJwk(row)).toList();
        var active = rows.stream().filter(SigningKey::active).findFirst()
                .map(row -> opened.computeIfAbsent(row.kid(), kid -> privateJwk(row)))
                .orElse(null);
        var snapshot = new Loaded(active, new JWKSet(published), clock.instant());
        loaded = snapshot;
        return snapshot;
    }

    /** Re-reads the table now, e.g. after this instance rotated (and committed). */
    void refresh() {
        reload();
    }

    private void createActiveKey() {
        try {
            var key = repository.saveAndFlush(generate(true, clock.instant()));
            log.info("Created signing key {} ({} bit RSA)", key.kid(), properties.signingKeySize());
        } catch (DataIntegrityViolationException e) {
            log.info("Another instance created the signing key first; using theirs");
        }
    }

    /** A new RSA key pair, private part sealed; not stored yet. */
    SigningKey generate(boolean active, Instant now) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(properties.signingKeySize());
            var pair = generator.generateKeyPair();
            var publicKey = (RSAPublicKey) pair.getPublic();
            var kid = new RSAKey.Builder(publicKey).build().computeThumbprint().toString();
            var sealed = cipher.seal(pair.getPrivate().getEncoded(), kid);
            return active
                    ? SigningKey.activeKey(kid, ALGORITHM, publicKey.getEncoded(), sealed, cipher.scheme(), now)
                    : SigningKey.pendingKey(kid, ALGORITHM, publicKey.getEncoded(), sealed, cipher.scheme(), now);
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("Cannot create a signing key", e);
        }
    }

    private static RSAKey publicJwk(SigningKey row) {
        return builder(row, rsaPublicKey(row)).build();
    }

    private RSAKey privateJwk(SigningKey row) {
        if (!cipher.scheme().equals(row.privateKeyProtection())) {
            throw new IllegalStateException("Signing key " + row.kid() + " is protected with unknown scheme " + row.privateKeyProtection());
        }
        try {
            var encoded = cipher.open(row.privateKey(), row.kid());
            var privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
            return builder(row, rsaPublicKey(row)).privateKey(privateKey).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored signing key " + row.kid() + " is unreadable", e);
        }
    }

    private static RSAKey.Builder builder(SigningKey row, RSAPublicKey publicKey) {
        return new RSAKey.Builder(publicKey)
                .keyID(row.kid())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.parse(row.algorithm()));
    }

    private static RSAPublicKey rsaPublicKey(SigningKey row) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(row.publicKey()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored public key " + row.kid() + " is unreadable", e);
        }
    }

    private record Loaded(@Nullable RSAKey active, JWKSet published, Instant loadedAt) {}
}
