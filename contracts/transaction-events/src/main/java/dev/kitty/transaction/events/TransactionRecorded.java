package dev.kitty.transaction.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * Income or an expense was recorded in a budget. {@code type} is INCOME or EXPENSE, {@code amount} a positive
 * decimal string in {@code currency} (ISO 4217) with at most its minor digits. {@code version} is the
 * transaction's version (1 when recorded; {@link TransactionChanged} counts on), for readers that keep a
 * copy and must ignore a late, older event (ADR 9).
 *
 * @param categoryId  absent when uncategorised
 * @param description absent when none was given
 * @param createdBy   who recorded it; absent once their account is deleted
 */
public record TransactionRecorded(
        UUID transactionId,
        UUID budgetId,
        String type,
        String amount,
        String currency,
        LocalDate occurredOn,
        UUID categoryId,
        String description,
        UUID createdBy,
        Instant createdAt,
        long version) {

    /** The other fields are required: an event missing one fails to decode and is dead-lettered. */
    public TransactionRecorded {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(occurredOn, "occurredOn");
        Objects.requireNonNull(createdAt, "createdAt");
        TransactionVersions.require(version);
    }
}
