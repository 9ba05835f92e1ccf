package dev.kitty.budget.knownuser;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The replica of the accounts budget-service needs (invitees, member names).
 *
 * <p>The events feeding it come from two topics ({@code identity.events}, {@code user.events})
 * that are not ordered relative to each other, and even one topic's events can arrive out of
 * order (an outbox resubmission, a dead-letter replay). So each write gives the same result in
 * any order (ADR 9): registration is the oldest fact and only fills what is missing;
 * {@code ProfileUpdated} carries the profile's version and applies only when newer than the
 * one held; {@code EmailVerified} records an address an account cannot change yet, so its
 * repetitions agree; users deleted for good are remembered by id only, so that a late event
 * cannot bring them back.
 */
@Component
public class KnownUsers {

    private static final String NOT_DELETED = "NOT EXISTS (SELECT 1 FROM deleted_user WHERE user_id = :userId)";

    private final JdbcClient jdbc;

    KnownUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<KnownUser> find(UUID userId) {
        return jdbc.sql("SELECT user_id, email, display_name, email_verified FROM known_user WHERE user_id = :userId")
                .param("userId", userId)
                .query(KnownUser.class)
                .optional();
    }

    /** Accounts behind an address, compared case-insensitively; normally one, briefly two while an address moves. */
    public List<KnownUser> findByEmail(String email) {
        return jdbc.sql("SELECT user_id, email, display_name, email_verified FROM known_user WHERE lower(email) = lower(:email)")
                .param("email", email)
                .query(KnownUser.class)
                .list();
    }

    /** The display names of those users that have one, for member lists. */
    public Map<UUID, String> displayNames(Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT user_id, display_name FROM known_user WHERE user_id IN (:userIds) AND display_name IS NOT NULL")
                .param("userIds", userIds)
                .query((rs, row) -> Map.entry(rs.getObject("user_id", UUID.class), rs.getString("display_name")))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The time zone the user chose in their settings (user-service's {@code NotificationSettingsChanged}), if known. */
    public Optional<String> timeZone(UUID userId) {
        return jdbc.sql("SELECT time_zone FROM known_user_settings WHERE user_id = :userId")
                .param("userId", userId)
                .query(String.class)
                .optional();
    }

    /** Whether the account was deleted for good: such a user joins nothing any more, whatever their token says. */
    public boolean isDeleted(UUID userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM deleted_user WHERE user_id = :userId)")
                .param("userId", userId)
                .query(Boolean.class)
                .single();
    }

    /** Applied only when newer than the settings version held (ADR 9); nothing for a deleted user. */
    void settingsChanged(UUID userId, String timeZone, long version) {
        jdbc.sql("""
                INSERT INTO known_user_settings (user_id, time_zone, settings_version)
                SELECT :userId, :timeZone, :version WHERE %s
                ON CONFLICT (user_id) DO UPDATE
                    SET time_zone = excluded.time_zone, settings_version = excluded.settings_version
                    WHERE known_user_settings.settings_version < excluded.settings_version
                """.formatted(NOT_DELETED))
                .param("userId", userId).param("timeZone", timeZone).param("version", version)
                .update();
    }

    /** Registration is the oldest fact about a user: it fills what is missing and overwrites nothing. */
    void registered(UUID userId, String email, String displayName) {
        jdbc.sql("""
                INSERT INTO known_user (user_id, email, display_name, updated_at, profile_version)
                SELECT :userId, :email, :displayName, now(), 0 WHERE %s
                ON CONFLICT (user_id) DO UPDATE
                    SET display_name = coalesce(known_user.display_name, excluded.display_name)
                """.formatted(NOT_DELETED))
                .param("userId", userId).param("email", email).param("displayName", displayName)
                .update();
    }

    void emailVerified(UUID userId, String email) {
        jdbc.sql("""
                INSERT INTO known_user (user_id, email, verified_email, updated_at)
                SELECT :userId, :email, :email, now() WHERE %s
                ON CONFLICT (user_id) DO UPDATE
                    SET verified_email = excluded.verified_email, updated_at = excluded.updated_at
                """.formatted(NOT_DELETED))
                .param("userId", userId).param("email", email)
                .update();
    }

    /** Applied only when newer than the profile version held: a late, older update changes nothing. */
    void profileUpdated(UUID userId, String email, String displayName, long version) {
        jdbc.sql("""
                INSERT INTO known_user (user_id, email, display_name, updated_at, profile_version)
                SELECT :userId, :email, :displayName, now(), :version WHERE %s
                ON CONFLICT (user_id) DO UPDATE
                    SET email = excluded.email, display_name = excluded.display_name, updated_at = excluded.updated_at,
                        profile_version = excluded.profile_version
                    WHERE known_user.profile_version < excluded.profile_version
                """.formatted(NOT_DELETED))
                .param("userId", userId).param("email", email).param("displayName", displayName).param("version", version)
                .update();
    }

    /** Forgets the account and keeps its id as a tombstone. Idempotent. */
    public void deleted(UUID userId) {
        jdbc.sql("INSERT INTO deleted_user (user_id, deleted_at) VALUES (:userId, now()) ON CONFLICT (user_id) DO NOTHING")
                .param("userId", userId)
                .update();
        jdbc.sql("DELETE FROM known_user WHERE user_id = :userId").param("userId", userId).update();
        jdbc.sql("DELETE FROM known_user_settings WHERE user_id = :userId").param("userId", userId).update();
    }
}
