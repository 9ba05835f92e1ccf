package dev.kitty.auth.signing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A token signing key pair. Life cycle for rotation: created (published, not yet signing) →
 * active (signing; exactly one) → inactive (still published so its tokens verify) → retired
 * (no longer published, once its last token has expired).
 */
@Entity
@Table(name = "signing_key")
class SigningKey {

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
        return new SigningKey(kid, algorithm, publicKey, sealedPrivateKey, protection, now, true);
    }

    /** Stops signing with this key; it stays published until retired. */
    void deactivate() {
        active = false;
    }

    /** Withdraws the key from the JWKS; only once it no longer signs. */
    void retire(Instant now) {
        if (active) {
            throw new IllegalStateException("the active signing key cannot be retired");
        }
        retiredAt = now;
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
