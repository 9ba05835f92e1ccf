package dev.kitty.user.profile;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/** How a user appears to others. Its id is the user id auth-service assigned. */
@Entity
@Table(name = "profile")
class Profile extends AbstractAggregateRoot<Profile> {

    static final int MAX_DISPLAY_NAME_LENGTH = 80;
    static final int MAX_EMAIL_LENGTH = 320;

    @Id
    private UUID id;
    private String email;
    private String displayName;
    private boolean emailVerified;
    private Instant createdAt;
    /**
     * Counts the states other services were told about, from 1; travels as
     * {@code ProfileUpdated.version} so that their replicas can ignore an older state arriving
     * late (ADR 9). Not the JPA version, which moves once per flush rather than once per change.
     */
    private long revision;
    @Version
    private @Nullable Long version;

    protected Profile() {
        // for JPA
    }

    private Profile(UUID id, String email, String displayName, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.email = requireEmail(email);
        this.displayName = requireDisplayName(displayName);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.revision = 1;
        registerEvent(changed());
    }

    static Profile register(UUID id, String email, String displayName, Instant registeredAt) {
        return new Profile(id, email, displayName, registeredAt);
    }

    /** @return whether the name changed; other services only hear about real changes */
    boolean rename(String newDisplayName) {
        var name = requireDisplayName(newDisplayName);
        if (name.equals(displayName)) {
            return false;
        }
        displayName = name;
        revision++;
        registerEvent(changed());
        return true;
    }

    /** auth-service owns the address: the verified one wins over whatever we had. */
    void confirmEmail(String verifiedEmail) {
        var verified = requireEmail(verifiedEmail);
        emailVerified = true;
        if (!verified.equals(email)) {
            email = verified;
            revision++;
            registerEvent(changed());
        }
    }

    /** Trimmed, 1 to {@value #MAX_DISPLAY_NAME_LENGTH} characters, no control characters. */
    static String requireDisplayName(String displayName) {
        var name = displayName.strip();
        if (name.isEmpty() || name.length() > MAX_DISPLAY_NAME_LENGTH || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A display name has 1 to " + MAX_DISPLAY_NAME_LENGTH + " characters and no control characters");
        }
        return name;
    }

    private static String requireEmail(String email) {
        if (email.isBlank() || !email.contains("@") || email.length() > MAX_EMAIL_LENGTH) {
            throw new IllegalArgumentException("Not an email address: " + email);
        }
        return email.strip();
    }

    private ProfileChanged changed() {
        return new ProfileChanged(id, email, displayName, revision);
    }

    UUID id() {
        return id;
    }

    String email() {
        return email;
    }

    String displayName() {
        return displayName;
    }

    boolean emailVerified() {
        return emailVerified;
    }

    Instant createdAt() {
        return createdAt;
    }

    long revision() {
        return revision;
    }
}
