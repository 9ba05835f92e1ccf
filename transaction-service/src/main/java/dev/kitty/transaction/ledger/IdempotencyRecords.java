package dev.kitty.transaction.ledger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code idempotency_record} table (ADR 14): one row per (budget, caller, key), claimed by the first request in
 * its own database transaction. A concurrent request with the same key waits on the claim's unique index until the
 * first commits (then it finds the first answer) or rolls back (then it claims the key itself).
 */
@Repository
class IdempotencyRecords {

    static final Duration LIFETIME = Duration.ofHours(24);

    record Stored(String requestHash, @Nullable String responseBody) {}

    private final JdbcClient jdbc;

    IdempotencyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true when this request claimed the key; false when another request holds it (committed) */
    boolean claim(UUID budgetId, UUID userId, String key, String requestHash, Instant now) {
        jdbc.sql("DELETE FROM idempotency_record WHERE budget_id = :budgetId AND user_id = :userId AND key = :key AND created_at < :cutoff")
                .param("budgetId", budgetId).param("userId", userId).param("key", key)
                .param("cutoff", now.minus(LIFETIME).atOffset(ZoneOffset.UTC))
                .update();
        return jdbc.sql("""
                INSERT INTO idempotency_record (budget_id, user_id, key, request_hash, created_at)
                VALUES (:budgetId, :userId, :key, :hash, :now)
                ON CONFLICT (budget_id, user_id, key) DO NOTHING
                """)
                .param("budgetId", budgetId).param("userId", userId).param("key", key).param("hash", requestHash)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    Optional<Stored> find(UUID budgetId, UUID userId, String key) {
        return jdbc.sql("SELECT request_hash, response_body FROM idempotency_record WHERE budget_id = :budgetId AND user_id = :userId AND key = :key")
                .param("budgetId", budgetId).param("userId", userId).param("key", key)
                .query((row, index) -> new Stored(row.getString("request_hash"), row.getString("response_body")))
                .optional();
    }

    void answer(UUID budgetId, UUID userId, String key, String responseBody) {
        jdbc.sql("UPDATE idempotency_record SET response_body = :body WHERE budget_id = :budgetId AND user_id = :userId AND key = :key")
                .param("budgetId", budgetId).param("userId", userId).param("key", key).param("body", responseBody)
                .update();
    }

    int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("DELETE FROM idempotency_record WHERE created_at < :cutoff").param("cutoff", cutoff.atOffset(ZoneOffset.UTC)).update();
    }

    void deleteAllOfBudget(UUID budgetId) {
        jdbc.sql("DELETE FROM idempotency_record WHERE budget_id = :budgetId").param("budgetId", budgetId).update();
    }

    void deleteAllOfUser(UUID userId) {
        jdbc.sql("DELETE FROM idempotency_record WHERE user_id = :userId").param("userId", userId).update();
    }
}
