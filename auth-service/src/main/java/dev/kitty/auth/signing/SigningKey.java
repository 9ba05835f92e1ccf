package dev.kitty.auth.signing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A token signing key pair. Life cycle for rotation: pending (published, not yet signing) →
 * active (signing; exactly one) → inactive (still published so its tokens verify) → retired
 * (no longer published, private part erased, once its last token has expired). The first key
 * of an empty store starts active.
 */
@Entity
@Table(name = "signing_key")
class SigningKey {

    /** {@link #privateKeyProtection()} of a retired key whose private part was wiped. */
    static final String ERASED = "ERASED";

    @Id
    private String kid;

    private String algorithm;

    /** X.509 SubjectPublicKeyInfo (DER). */
    private byte[] publicKey;

    /** PKCS#8 (DER), sealed as {@link #privateKeyProtection()} says. */
    private byte[] privateKey;

    private String privateKeyProtection;

    private Instant createdAt;

    private boolean active;

    private @Nullable Instant activatedAt;

    private @Nullable Instant deactivatedAt;

    private @Nullable Instant retiredAt;

    @Version
    private @Nullable Long version;

    protected SigningKey() {
        // for JPA
    }

    private SigningKey(String kid, String algorithm, byte[] publicKey, byte[] privateKey, String privateKeyProtection,
            Instant createdAt, boolean active) {
        this.kid = kid;
        this.algorithm = algorithm;
        this.publicKey = publicKey.clone();
        this.privateKey = privateKey.clone();
        this.privateKeyProtection = privateKeyProtection;
        this.createdAt = createdAt;
        this.active = active;
    }

    static SigningKey activeKey(String kid, String algorithm, byte[] publicKey, byte[] sealedPrivateKey, String protection,
            Instant now) {
        var key = new SigningKey(kid, algorithm, publicKey, sealedPrivateKey, protection, now, true);
        key.activatedAt = now;
        return key;
    }

    /** The next key: published at once so verifiers know it before the first token it signs. */
    static SigningKey pendingKey(String kid, String algorithm, byte[] publicKey, byte[] sealedPrivateKey, String protection,
            Instant now) {
        return new SigningKey(kid, algorithm, publicKey, sealedPrivateKey, protection, now, false);
    }

    /** Starts signing with this key; only a pending key can start, and only once. */
    void activate(Instant now) {
        if (!pending()) {
            throw new IllegalStateException("only a pending signing key can be activated, " + kid + " is not");
        }
        active = true;
        activatedAt = now;
    }

    /** Stops signing with this key; it stays published until retired. */
    void deactivate(Instant now) {
        if (!active) {
            throw new IllegalStateException("signing key " + kid + " is not active");
        }
        active = false;
        deactivatedAt = now;
    }

    /**
     * Withdraws the key from the JWKS, once it no longer signs, and erases its private part:
     * a retired key has no use that would justify keeping it.
     */
    void retire(Instant now) {
        if (active) {
            throw new IllegalStateException("the active signing key cannot be retired");
        }
        retiredAt = now;
        privateKey = new byte[0];
        privateKeyProtection = ERASED;
    }

    /** Published, not signing yet, never signed. */
    boolean pending() {
        return !active && activatedAt == null && retiredAt == null;
    }

    /** Stopped signing at least {@code grace} ago, so every token it signed has expired. */
    boolean retirableAt(Instant now, Duration grace) {
        return !active && retiredAt == null && deactivatedAt != null && !deactivatedAt.plus(grace).isAfter(now);
    }

    /** When this key started signing: the age that decides its rotation. */
    @Nullable Instant activatedAt() {
        return activatedAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    String kid() {
        return kid;
    }

    String algorithm() {
        return algorithm;
    }

    byte[] publicKey() {
        return publicKey.clone();
    }

    byte[] privateKey() {
        return privateKey.clone();
    }

    String privateKeyProtection() {
        return privateKeyProtection;
    }

    boolean active() {
        return active;
    }

    @Nullable Instant retiredAt() {
        return retiredAt;
    }
}
