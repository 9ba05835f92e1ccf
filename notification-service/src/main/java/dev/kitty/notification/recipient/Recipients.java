package dev.kitty.notification.recipient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code recipient} replica (ADR 9). UserRegistered carries no version: it only fills a missing
 * row (version 0, older than any ProfileUpdated); ProfileUpdated replaces a row only when newer. A
 * deleted user's row goes and their id stays in {@code deleted_user}, so no late event brings it back.
 */
@Component
public class Recipients {

    private final JdbcClient jdbc;

    Recipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Recipient> find(UUID userId) {
        return jdbc.sql("SELECT user_id, email, display_name FROM recipient WHERE user_id = :userId")
                .param("userId", userId).query(Recipient.class).optional();
    }

    /** The account with this address, compared without case; empty when none is known. */
    public Optional<Recipient> findByEmail(String email) {
        return jdbc.sql("SELECT user_id, email, display_name FROM recipient WHERE lower(email) = lower(:email) ORDER BY version DESC LIMIT 1")
                .param("email", email.strip()).query(Recipient.class).optional();
    }

    /** The user's account was deleted: tell them nothing any more. */
    public boolean isDeleted(UUID userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM deleted_user WHERE user_id = :userId)").param("userId", userId).query(Boolean.class)
                .single();
    }

    /** @return whether the row changed */
    boolean register(UUID userId, String email, String displayName, Instant at) {
        return save(userId, email, displayName, 0, at, false);
    }

    /** @return whether the row changed */
    boolean update(UUID userId, String email, String displayName, long version, Instant at) {
        return save(userId, email, displayName, version, at, true);
    }

    private boolean save(UUID userId, String email, String displayName, long version, Instant at, boolean replaceOlder) {
        return jdbc.sql("""
                INSERT INTO recipient (user_id, email, display_name, version, updated_at)
                SELECT :userId, :email, :displayName, :version, :at
                WHERE NOT EXISTS (SELECT 1 FROM deleted_user WHERE user_id = :userId)
                ON CONFLICT (user_id) DO UPDATE SET
                    email = excluded.email, display_name = excluded.display_name, version = excluded.version, updated_at = excluded.updated_at
                WHERE :replaceOlder AND recipient.version < excluded.version
                """)
                .param("userId", userId).param("email", email).param("displayName", displayName).param("version", version)
                .param("at", Timestamp.from(at)).param("replaceOlder", replaceOlder)
                .update() == 1;
    }

    void forget(UUID userId) {
        jdbc.sql("INSERT INTO deleted_user (user_id, deleted_at) VALUES (:userId, now()) ON CONFLICT (user_id) DO NOTHING")
                .param("userId", userId).update();
        jdbc.sql("DELETE FROM recipient WHERE user_id = :userId").param("userId", userId).update();
    }
}
