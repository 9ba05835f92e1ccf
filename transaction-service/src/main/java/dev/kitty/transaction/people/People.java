package dev.kitty.transaction.people;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The display names of accounts as this service knows them from identity and user events (budget-service's
 * {@code KnownUsers} pattern, ADR 9). The two topics are not ordered relative to each other and each can
 * redeliver, so every write gives the same result in any order: registration is the oldest fact and only fills
 * what is missing; {@code ProfileUpdated} applies only when its version is newer than the one held; a deleted
 * account is forgotten and its id kept, so that a late event cannot bring the name back.
 */
@Component
public class People {

    private static final String NOT_FORGOTTEN = "NOT EXISTS (SELECT 1 FROM deleted_person WHERE user_id = :userId)";

    private final JdbcClient jdbc;

    People(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The display names of those users that are known here; an unknown or deleted user is absent from the map. */
    public Map<UUID, String> displayNames(Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT user_id, display_name FROM person WHERE user_id IN (:userIds)")
                .param("userIds", userIds)
                .query((rs, row) -> Map.entry(rs.getObject("user_id", UUID.class), rs.getString("display_name")))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Registration is the oldest fact about a user: it fills a missing name and overwrites nothing. */
    void registered(UUID userId, String displayName) {
        jdbc.sql("""
                INSERT INTO person (user_id, display_name, profile_version, updated_at)
                SELECT :userId, :displayName, 0, now() WHERE %s
                ON CONFLICT (user_id) DO NOTHING
                """.formatted(NOT_FORGOTTEN))
                .param("userId", userId).param("displayName", displayName)
                .update();
    }

    /** Applied only when newer than the profile version held: a late, older update changes nothing. */
    void profileUpdated(UUID userId, String displayName, long version) {
        jdbc.sql("""
                INSERT INTO person (user_id, display_name, profile_version, updated_at)
                SELECT :userId, :displayName, :version, now() WHERE %s
                ON CONFLICT (user_id) DO UPDATE
                    SET display_name = excluded.display_name, profile_version = excluded.profile_version,
                        updated_at = excluded.updated_at
                    WHERE person.profile_version < excluded.profile_version
                """.formatted(NOT_FORGOTTEN))
                .param("userId", userId).param("displayName", displayName).param("version", version)
                .update();
    }

    /** Forgets the name and keeps the id as a tombstone. Idempotent. */
    void deleted(UUID userId) {
        jdbc.sql("INSERT INTO deleted_person (user_id, deleted_at) VALUES (:userId, now()) ON CONFLICT (user_id) DO NOTHING")
                .param("userId", userId)
                .update();
        jdbc.sql("DELETE FROM person WHERE user_id = :userId").param("userId", userId).update();
    }
}
