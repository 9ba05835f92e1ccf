package dev.kitty.user.profile;

import dev.kitty.platform.web.DomainException;
import dev.kitty.user.web.UserProblems;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates profiles as accounts appear, keeps them as their owners and auth-service change them, and deletes them for
 * good: a deleted user keeps a tombstone ({@link DeletedUser}) that no later event gets past.
 */
@Service
@Transactional
public class ProfileManagement {

    private static final Logger log = LoggerFactory.getLogger(ProfileManagement.class);

    private final ProfileRepository profiles;
    private final DeletedUserRepository deletedUsers;
    private final JdbcClient jdbc;

    ProfileManagement(ProfileRepository profiles, DeletedUserRepository deletedUsers, JdbcClient jdbc) {
        this.profiles = profiles;
        this.deletedUsers = deletedUsers;
        this.jdbc = jdbc;
    }

    /**
     * Creates the profile of a newly registered user, unless it exists already: auth-service
     * may publish the registration more than once, under different event ids. A deleted user's registration,
     * arriving late or replayed, is ignored: deletion is final.
     *
     * @return whether a profile was created
     */
    public boolean register(UUID userId, String email, @Nullable String displayName, Instant registeredAt) {
        if (deletedUsers.existsById(userId)) {
            log.info("User {} was deleted; registration ignored", userId);
            return false;
        }
        if (profiles.existsById(userId)) {
            log.info("Profile of user {} exists already; registration ignored", userId);
            return false;
        }
        var profile = Profile.register(userId, email, fittingDisplayName(displayName, email), registeredAt);
        jdbc.sql("DELETE FROM early_email_verification WHERE user_id = ? RETURNING email").param(userId)
            .query(String.class).optional().ifPresent(profile::confirmEmail);
        profiles.save(profile);
        return true;
    }

    /**
     * Marks the address verified. A deleted user has nothing to mark. A verification that comes before the
     * registration waits for it: auth-service announces both from one transaction when it bootstraps the super user,
     * and its outbox may send them in either order (fault scenario F5 found the super user's profile left unverified).
     */
    public void confirmEmail(UUID userId, String email) {
        if (deletedUsers.existsById(userId)) {
            log.info("User {} was deleted; email verification ignored", userId);
            return;
        }
        var profile = profiles.findById(userId);
        if (profile.isEmpty()) {
            log.info("Address of user {} verified before their registration arrived; kept until it does", userId);
            jdbc.sql("""
                    INSERT INTO early_email_verification (user_id, email) VALUES (?, ?)
                    ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email""").params(userId, email).update();
            return;
        }
        profile.get().confirmEmail(email);
        profiles.save(profile.get());
    }

    /** Whether the user was deleted: nothing of theirs may be created again. */
    @Transactional(readOnly = true)
    public boolean isDeleted(UUID userId) {
        return deletedUsers.existsById(userId);
    }

    /**
     * Deletes the profile, if it was ever created, and leaves the user's tombstone, which announces the deletion
     * ({@link UserRemoved}) in this transaction. Settings go first ({@code SettingsManagement}): they hang off the profile.
     *
     * @throws DomainException.NotFound when the user was deleted already
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void delete(UUID userId, Instant now) {
        if (deletedUsers.existsById(userId)) {
            throw new DomainException.NotFound("No such user.");
        }
        profiles.findById(userId).ifPresent(profiles::delete);
        jdbc.sql("DELETE FROM early_email_verification WHERE user_id = ?").param(userId).update();
        deletedUsers.save(DeletedUser.record(userId, now));
        log.info("Deleted the profile of user {}", userId);
    }

    Profile rename(UUID userId, String displayName) {
        var profile = find(userId);
        if (profile.rename(displayName)) {
            profiles.save(profile);
        }
        return profile;
    }

    @Transactional(readOnly = true)
    Profile find(UUID userId) {
        return profiles.findById(userId).orElseThrow(UserProblems::profileNotFound);
    }

    @Transactional(readOnly = true)
    Page<Profile> search(@Nullable String email, Pageable pageable) {
        return email == null || email.isBlank() ? profiles.findAll(pageable) : profiles.findByEmailIgnoringCase(email.strip(), pageable);
    }

    /**
     * auth-service checked the name when the user registered; should it still break our
     * rules, the profile is created with a name that fits rather than not at all, because
     * a user without a profile could not use Kitty. The user can rename it.
     */
    static String fittingDisplayName(@Nullable String displayName, String email) {
        var name = displayName == null ? "" : displayName.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty()) {
            var at = email.indexOf('@');
            name = (at > 0 ? email.substring(0, at) : email).strip();
        }
        if (name.length() > Profile.MAX_DISPLAY_NAME_LENGTH) {
            var end = Profile.MAX_DISPLAY_NAME_LENGTH;
            if (Character.isHighSurrogate(name.charAt(end - 1))) {
                end--;
            }
            name = name.substring(0, end).strip();
        }
        return name.isEmpty() ? "Kitty user" : name;
    }
}
