package dev.kitty.transaction.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A recorded transaction was edited: the fields are its state after the change (same meaning as in
 * {@link TransactionRecorded}). {@code version} grows with every change; apply only a newer one (ADR 9).
 *
 * @param categoryId  absent when uncategorised
 * @param description absent when it has none
 * @param updatedBy   who changed it; absent once their account is deleted
 */
public record TransactionChanged(
        UUID transactionId,
        UUID budgetId,
        String type,
        String amount,
        String currency,
        LocalDate occurredOn,
        UUID categoryId,
        String description,
        UUID updatedBy,
        Instant updatedAt,
        long version) {

    /** The other fields are required: an event missing one fails to decode and is dead-lettered. */
    public TransactionChanged {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(occurredOn, "occurredOn");
        Objects.requireNonNull(updatedAt, "updatedAt");
        TransactionVersions.require(version);
    }
}
